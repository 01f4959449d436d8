import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { SurveysService } from './surveys.service';

const V1 = '/api/v1';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Scheduled survey reminders, delivered through the mail outbox to a real SMTP server: N days before closing, to those
 * who have not answered, once per person and reminder, by e-mail only for those whose preferences say so.
 */
describe('scheduled survey reminders', () => {
  /** What the SMTP server received: recipient and the message (soft line breaks undone). */
  const received: { to: string; data: string }[] = [];
  let smtp: SmtpSink;
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let julien: Person; // animates the club
  let anne: Person;
  let bruno: Person;
  let carla: Person; // wants survey reminders in the app only
  let denise: Person;
  let club: { id: string };

  const draft = (over: Record<string, unknown> = {}) => ({
    title: 'Vos besoins de formation',
    answerPer: 'person',
    audience: { kind: 'networks', networkIds: [club.id] },
    questions: [{ kind: 'single', label: 'Une formation export vous intéresse ?', required: true, choices: ['Oui', 'Non'] }],
    ...over,
  });
  const reminderMails = (survey: string, person: Person) =>
    received.filter((m) => m.to === person.email && m.data.includes(`/enquetes/${survey}`) && m.data.includes('attend encore votre'));
  const answer = async (who: Person, survey: { id: string; questions: { id: string }[] }) =>
    expect((await who.client.post(`${V1}/surveys/${survey.id}/responses`, { answers: { [survey.questions[0].id]: 0 } })).status).toBe(201);
  /** Lets the outbox worker deliver everything queued so far. */
  const delivered = async () => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'sending')");
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('mails not delivered');
  };

  beforeAll(async () => {
    smtp = await startSmtpSink((mail) => {
      for (const to of mail.recipients) received.push({ to, data: mail.data.replace(/=\r?\n/g, '') });
    });
    app = await createTestApp({ SMTP_URL: smtp.url, MAIL_WORKER_INTERVAL_MS: 100 });
    world = await networkWorld(app);
    julien = await world.person(true, 'Julien');
    anne = await world.person(true, 'Anne');
    bruno = await world.person(true, 'Bruno');
    carla = await world.person(true, 'Carla');
    denise = await world.person(true, 'Denise');
    club = await world.createNetwork({ name: 'Club des dirigeants du Roannais' });
    await world.enrol(club.id, julien, 'animator');
    for (const p of [anne, bruno, carla, denise]) await world.enrol(club.id, p);
    expect(
      (await carla.client.put(`${V1}/notifications/preferences`, { preferences: [{ type: 'survey.reminder', channel: 'in_app' }] })).status,
    ).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await smtp.stop();
  });

  it('refuses reminders without a closing date or out of range, writing nothing', async () => {
    const before = (await app.db.query('SELECT count(*)::int AS n FROM surveys'))[0].n;
    const noClosing = await julien.client.post(`${V1}/surveys`, draft({ reminderDays: [3] }));
    expect(noClosing.status).toBe(400);
    expect(noClosing.body.code).toBe('SURVEY_REMINDERS_NEED_CLOSING');
    const closesAt = new Date(Date.now() + 10 * DAY).toISOString();
    for (const reminderDays of [[0], [61], [1, 2, 3, 4], [1.5], ['3'], 'x']) {
      expect([reminderDays, (await julien.client.post(`${V1}/surveys`, draft({ closesAt, reminderDays }))).status]).toEqual([
        reminderDays,
        400,
      ]);
    }
    expect((await app.db.query('SELECT count(*)::int AS n FROM surveys'))[0].n).toBe(before);
  });

  it('reminds those who have not answered, N days before closing, once each, by e-mail per their preferences', async () => {
    const start = Date.now();
    const closesAt = new Date(start + 3 * DAY + 2 * HOUR);
    const created = await julien.client.post(`${V1}/surveys`, draft({ closesAt: closesAt.toISOString(), reminderDays: [1, 3, 1] }));
    expect(created.status).toBe(201);
    expect(created.body.reminderDays).toEqual([3, 1]);
    const id: string = created.body.id;
    const survey = (await julien.client.post(`${V1}/surveys/${id}/send`)).body;
    expect(survey.status).toBe('open');
    // Respondents do not see the owners' settings.
    expect((await anne.client.get(`${V1}/surveys/${id}`)).body.reminderDays).toEqual([]);
    await answer(anne, survey);
    await delivered();

    const surveys = app.running.app.get(SurveysService);
    // Not yet three days before closing.
    expect(await surveys.runScheduledReminders(new Date(start + HOUR))).toBe(0);
    // Three days before: Bruno, Carla and Denise (Anne answered, Julien wrote it); two replicas at once still remind each one once.
    const at3 = new Date(start + 3 * HOUR);
    const [first, second] = await Promise.all([surveys.runScheduledReminders(at3), surveys.runScheduledReminders(at3)]);
    expect(first + second).toBe(3);
    expect(await surveys.runScheduledReminders(new Date(start + 4 * HOUR))).toBe(0);
    await delivered();
    expect(reminderMails(id, bruno)).toHaveLength(1);
    expect(reminderMails(id, denise)).toHaveLength(1);
    expect(reminderMails(id, julien)).toHaveLength(0);
    expect(reminderMails(id, anne)).toHaveLength(0);
    // Carla chose the app only: a notification, no e-mail.
    expect(reminderMails(id, carla)).toHaveLength(0);
    const carlas = (await carla.client.get(`${V1}/notifications`)).body.items as { type: string }[];
    expect(carlas.filter((n) => n.type === 'survey.reminder')).toHaveLength(1);

    // Bruno answers; the day-before reminder goes to the two others only.
    await answer(bruno, survey);
    expect(await surveys.runScheduledReminders(new Date(closesAt.getTime() - DAY + HOUR))).toBe(2);
    await delivered();
    expect(reminderMails(id, bruno)).toHaveLength(1);
    expect(reminderMails(id, denise)).toHaveLength(2);
    expect(reminderMails(id, carla)).toHaveLength(0);
    expect(reminderMails(id, julien)).toHaveLength(0);
    expect(
      await app.db.query(
        'SELECT days_before, count(*)::int AS n FROM survey_scheduled_reminders WHERE survey_id = $1 GROUP BY 1 ORDER BY 1',
        [id],
      ),
    ).toEqual([
      { days_before: 1, n: 2 },
      { days_before: 3, n: 3 },
    ]);
  });

  it('sends nothing for a closed survey, nor a reminder whose moment came before the sending', async () => {
    const start = Date.now();
    // Closes in two days: the three-day reminder's moment is already past when it is sent.
    const created = await julien.client.post(
      `${V1}/surveys`,
      draft({ closesAt: new Date(start + 2 * DAY).toISOString(), reminderDays: [3] }),
    );
    const late = (await julien.client.post(`${V1}/surveys/${created.body.id}/send`)).body;
    const closing = await julien.client.post(
      `${V1}/surveys`,
      draft({ closesAt: new Date(start + 2 * DAY).toISOString(), reminderDays: [1] }),
    );
    await julien.client.post(`${V1}/surveys/${closing.body.id}/send`);
    expect((await julien.client.post(`${V1}/surveys/${closing.body.id}/close`)).status).toBe(200);
    const surveys = app.running.app.get(SurveysService);
    expect(await surveys.runScheduledReminders(new Date(start + DAY + HOUR))).toBe(0);
    expect(
      await app.db.query('SELECT survey_id FROM survey_scheduled_reminders WHERE survey_id = ANY($1::uuid[])', [
        [late.id, closing.body.id],
      ]),
    ).toEqual([]);
  });
});
