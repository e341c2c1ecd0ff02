// nginx for the benches: found where the packages put it, or installed with apt when running as root,
// and the configuration every bench's nginx shares.
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

/**
 * An nginx configuration that keeps everything under `dir` (pid, error log, temp files) and runs
 * one worker without an access log, around the bench's own `http { … }` directives.
 */
export function nginxConf(dir: string, http: string): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http}
}
`;
}
