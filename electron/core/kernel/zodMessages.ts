// Owns the one Chinese error map for zod: every schema whose messages reach a user parses with it.
import { z } from 'zod';

/** zod 4's own Simplified Chinese messages (`z.locales.zhCN`), passed as the parse's error map. */
export const chineseMessages = { error: z.locales.zhCN().localeError };
