/**
 * A throwaway PostgreSQL cluster for development tooling (migration diffs, local drift checks):
 * `initdb` into a temp directory, `pg_ctl start` on a free localhost port, trust auth, and
 * `stop()` removes it all. Needs the server binaries (`apt-get install postgresql`); PostgreSQL
 * refuses to run as root, so as root the cluster is run as the `postgres` system user.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface TempPostgres {
  url: string;
  stop(): void;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `settings`: more server settings (`name=value`, as `postgres -c` takes them), e.g. shared_buffers=2GB. */
export async function startTempPostgres(settings: readonly string[] = []): Promise<TempPostgres> {
  const binDir = findBinDir();
  if (!binDir) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)');
  const dir = mkdtempSync(path.join(tmpdir(), 'witness-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (bin: string, args: string[]): void => {
    const command = [path.join(binDir, bin), ...args];
    if (asRoot) {
      const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
    } else {
      execFileSync(command[0] as string, command.slice(1), { stdio: 'pipe' });
    }
  };
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'witness', '--no-sync']);
  const extra = settings.map((setting) => ` -c ${setting}`).join('');
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra}`, 'start']);
  return {
    url: `postgresql://witness@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const out = execFileSync('id', ['postgres'], { encoding: 'utf8' });
  const uid = /uid=(\d+)/.exec(out)?.[1];
  const gid = /gid=(\d+)/.exec(out)?.[1];
  if (!uid || !gid) throw new Error('no `postgres` system user to run the temporary cluster as');
  return { uid: Number(uid), gid: Number(gid) };
}
