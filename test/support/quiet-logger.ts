import { LogLevel, type Logger } from '@slack/web-api';

/** Keeps a WebClient from printing the [ERROR] lines that calls expected to fail carry. */
export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
