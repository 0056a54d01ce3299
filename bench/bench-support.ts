import http from 'node:http';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A GraphQL call over real HTTP (keep-alive), as a client would make it. A keep-alive socket the
 * server closed while it sat idle (between benchmark phases) fails with ECONNRESET on reuse; the
 * Node documentation's remedy is to retry such a request once on a fresh socket.
 */
export function graphql(url: string, token: string, query: string, variables: object = {}, retried = false): Promise<any> {
  return graphqlOnce(url, token, query, variables).catch((err) => {
    if (!retried && err?.reusedSocket && err.code === 'ECONNRESET') return graphql(url, token, query, variables, true);
    throw err;
  });
}

function graphqlOnce(url: string, token: string, query: string, variables: object): Promise<any> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          const json = JSON.parse(data);
          if (json.errors) reject(new Error(JSON.stringify(json.errors)));
          else resolve(json.data);
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      err.reusedSocket = req.reusedSocket;
      reject(err);
    });
    req.end(body);
  });
}

/** Runs `task(i)` for i in [0, n) with `concurrency` in flight; returns per-call latencies in ms. */
export async function runConcurrent(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}
