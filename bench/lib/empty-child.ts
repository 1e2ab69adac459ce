/**
 * The HTTP ceiling (issue 9 item 2): a bare Fastify with one empty route and nothing else — no plugins, no
 * logging, no database — in its own process like the Qosalqy servers, hit by the same load generator.
 * Started by lib/instances.ts; sends { ready: url }, answers { memory: true }, exits on { stop: true }.
 */
import { emptyFastify } from './empty-fastify';
import { memoryNow } from './scenario';

if (!process.send) throw new Error('empty-child: start it through lib/instances.ts');
const app = await emptyFastify();
process.send({ ready: app.url });
process.on('message', async (m: { memory?: boolean; stop?: boolean }) => {
  if (m.memory) process.send?.({ memory: memoryNow() });
  if (!m.stop) return;
  await app.close();
  process.disconnect?.();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
