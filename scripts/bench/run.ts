// `npm run bench -- <name> [options]`: runs one benchmark; each prints a JSON object of figures on stdout.
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<Record<string, unknown>> }>> = {
  api: () => import('./api'),
};

const [name, ...args] = process.argv.slice(2);
if (!name || !benches[name]) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
const figures = await (await benches[name]()).run(args);
console.log(JSON.stringify({ bench: name, ...figures }, null, 2));
process.exit(0);
