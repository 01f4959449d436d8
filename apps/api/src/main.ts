import { ConfigError, loadConfig } from './config/config';
import { createApp } from './bootstrap';
import { seedIfEmpty } from './seed/seed';

async function main() {
  const config = loadConfig();
  const running = await createApp(config);
  if (config.SEED_DEMO) await seedIfEmpty(running.app);
  await running.app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Maillage is running on ${config.PUBLIC_URL} (API docs: ${config.PUBLIC_URL}/api/docs)`);
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, shutting down`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Maillage failed to start:', err);
  }
  process.exit(1);
});
