import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json, data/ and migrations/ are). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
