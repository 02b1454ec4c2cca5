// A throwaway PostgreSQL cluster on a free loopback port (Debian's pg_createcluster), for tests that stop a server
// or need password authentication. Created in beforeAll, dropped in afterAll.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';

export interface TestCluster {
  readonly port: number;
  /** The superuser's password (host connections use scram-sha-256; the local socket trusts). */
  readonly password: string;
  /** `postgresql://postgres:<password>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** Runs SQL as the superuser over the local socket. */
  psql(sql: string): string;
  start(): void;
  /** `pg_ctlcluster stop -m fast`: every backend is terminated with 57P01, then the server exits. */
  stop(): void;
  drop(): void;
}

const SOCKET_DIR = '/var/run/postgresql';

/** Whether Debian's cluster tools are there (with CI=true their absence is a failure, not a skip). */
export function clusterToolsAvailable(): boolean {
  const found = ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0,
  );
  if (!found && process.env.CI === 'true')
    throw new Error('pg_createcluster (Debian postgresql-common) is required with CI=true');
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** How a test cluster authenticates host connections. */
export interface TestClusterOptions {
  /**
   * `scram-sha-256` (default): host connections need the password. `trust`: any role connects without one
   * (`--auth=trust`, as a shard behind postgres_fdw in the tests is set up).
   */
  readonly auth?: 'scram-sha-256' | 'trust';
  /** Prefix of the cluster's name (default `dwtest`). */
  readonly name?: string;
}

/** Creates and starts a cluster of the installed PostgreSQL version. */
export async function createTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const version = readdirSync('/etc/postgresql').sort().at(-1)!;
  const name = `${options.name ?? 'dwtest'}_${process.pid}_${Date.now().toString(36)}`;
  const port = await freePort();
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
  run('pg_createcluster', [
    version,
    name,
    '-p',
    String(port),
    '--',
    ...(options.auth === 'trust' ? ['--auth=trust'] : ['--auth-host=scram-sha-256', '--auth-local=trust']),
    '--no-sync',
  ]);
  const cluster: TestCluster = {
    port,
    password,
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    psql: (sql) => run('psql', ['-h', SOCKET_DIR, '-p', String(port), '-U', 'postgres', '-qtAX', '-c', sql]),
    start: () => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start']),
    stop: () => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'stop', '-m', 'fast']),
    drop: () => run('pg_dropcluster', ['--stop', version, name]),
  };
  cluster.start();
  cluster.psql(`ALTER ROLE postgres PASSWORD '${password}'`);
  return cluster;
}
