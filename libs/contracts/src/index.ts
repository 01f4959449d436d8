// The public face of @maillage/contracts: plain TypeScript shared by the API and the web app (REST payloads,
// enums, the error shape). Each type lives in its domain's file; this file only re-exports them.

export * from './common';
export * from './identity';
export * from './people';
export * from './organizations';
export * from './companies';
export * from './directory';
export * from './networks';
export * from './home';
export * from './privacy';
export * from './accounts';
export * from './administration';
export * from './agenda';
export * from './documents';
export * from './forums';
export * from './messaging';
export * from './moderation';
export * from './newsletters';
export * from './notifications';
export * from './opportunities';
export * from './reaching';
export * from './realtime';
export * from './steering';
export * from './surveys';
