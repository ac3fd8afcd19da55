import { startTempPostgres } from './db-temp-postgres';
const pg = await startTempPostgres();
console.log(pg.url);
process.on('SIGTERM', () => { pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
