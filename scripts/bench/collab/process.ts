// Setup over HTTP and what the server processes cost: a signed-up session with a workspace, CPU seconds, peak RSS.
import { readFile } from 'node:fs/promises';
import { signUpBench } from '../benchServer';
import { round } from '../stats';

export interface ApiSession {
  url: string;
  cookie: string;
  workspaceId: string;
  newDocument(title: string): Promise<string>;
}

export async function apiSession(url: string): Promise<ApiSession> {
  const json = { 'content-type': 'application/json' };
  const cookie = await signUpBench(url);
  const post = async (p: string, body: unknown) => {
    const res = await fetch(url + p, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string }>;
  };
  const ws = await post('/api/workspaces', { name: 'Bench' });
  return {
    url,
    cookie,
    workspaceId: ws.id,
    newDocument: async (title) => (await post(`/api/workspaces/${ws.id}/documents`, { title, kind: 'publication' })).id,
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export async function cpuSeconds(pid: number | 'self'): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function sampleRss(pid: number) {
  let peakKb = 0;
  const sample = async () => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKb = Math.max(peakKb, kb);
  };
  void sample();
  const timer = setInterval(() => void sample(), 100);
  return { peakMb: () => round(peakKb / 1024, 1), stop: () => clearInterval(timer) };
}
