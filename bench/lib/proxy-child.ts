/**
 * The load balancer in front of several Qosalqy instances (issue 9 item 3), in its own process: Fastify with
 * @fastify/reply-from, whose `base` list of upstreams makes it spread requests over an undici BalancedPool.
 * The client's X-Forwarded-For goes through as sent. Started by
 * lib/instances.ts with the upstream URLs as arguments; sends { ready: url }, exits on { stop: true }.
 */
import type { AddressInfo } from 'node:net';
import replyFrom from '@fastify/reply-from';
import Fastify from 'fastify';

const upstreams = process.argv.slice(2);
if (upstreams.length === 0 || !process.send)
  throw new Error('proxy-child: start it through lib/instances.ts');

const proxy = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
// One upstream: a plain pool; two or more: reply-from picks undici's BalancedPool.
await proxy.register(replyFrom, { base: upstreams.length === 1 ? upstreams[0]! : upstreams });
// Fastify's JSON parser stays: reply-from re-serialises a parsed JSON body (a raw Buffer it would encode as
// {"type":"Buffer",…}); the API takes JSON only, except uploads, which the benchmarks do not proxy.
proxy.all('/*', (request, reply) => reply.from(request.url));
await proxy.listen({ port: 0, host: '127.0.0.1' });
process.send({ ready: `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}` });

process.on('message', async (m: { stop?: boolean }) => {
  if (!m.stop) return;
  await proxy.close();
  process.disconnect?.();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
