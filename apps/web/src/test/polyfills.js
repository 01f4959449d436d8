// Web APIs that React Router expects and jsdom lacks, taken from Node (plain JS: the app's
// tsconfig has no Node types).
const { TextDecoder, TextEncoder } = require('node:util');

Object.assign(globalThis, { TextEncoder, TextDecoder });
