// nginx for the benches: found where the packages put it, or installed with apt when running as root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

function findNginx(): string | undefined {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  return undefined;
}

export function ensureNginx(): string {
  const found = findNginx();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log('nginx: not found, installing it (apt-get install -y nginx)…');
    spawnSync('apt-get', ['install', '-y', 'nginx'], { stdio: 'inherit' });
    const installed = findNginx();
    if (installed) return installed;
  }
  throw new Error('nginx is needed: install it (sudo apt-get install -y nginx) and run again');
}
