// `npm run bench -- <name> [options]`: runs one benchmark; each prints a JSON object of figures on stdout.
export {};
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<Record<string, unknown>> }>> = {
  api: () => import('./api'),
  collab: () => import('./collab'),
  upload: () => import('./upload'),
  process: () => import('./process'),
  render: () => import('./render'),
  export: () => import('./export'),
  search: () => import('./search'),
  failover: () => import('./failover'),
  backup: () => import('./backup'),
};

const [benchName, ...args] = process.argv.slice(2);
if (!benchName || !benches[benchName]) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
const figures = await (await benches[benchName]()).run(args);
console.log(JSON.stringify({ bench: benchName, ...figures }, null, 2));
process.exit(0);
