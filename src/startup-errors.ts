/**
 * What goes wrong when the server or a command starts, said in Dutch and English with what to do.
 * Undefined for an error that is not one of these: the caller reports it as unexpected.
 */
export function describeStartupError(error: unknown, context: { port?: number; dataDir?: string } = {}): string | undefined {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (!e || typeof e !== 'object') return undefined;
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE') {
    return (
      `Poort ${context.port ?? e.port} is al in gebruik, door een ander programma of een server die al draait. Stop dat, of kies een andere poort: PORT=3001 npm start.\n` +
      `Port ${context.port ?? e.port} is already in use, by another program or a server that is already running. Stop it, or choose another port: PORT=3001 npm start.`
    );
  }
  if (e.syscall === 'listen' && e.code === 'EACCES') {
    return (
      `Poort ${context.port} vraagt beheerdersrechten. Kies een poort vanaf 1024: PORT=3000 npm start.\n` +
      `Port ${context.port} needs administrator rights. Choose a port from 1024 up: PORT=3000 npm start.`
    );
  }
  if ((e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') && e.path) {
    return (
      `Geen schrijfrechten op ${e.path}. Geef de gebruiker rechten op de datamap, of kies een andere: DATA_DIR=/pad/naar/map npm start.\n` +
      `No permission to write ${e.path}. Give this user rights to the data directory, or choose another: DATA_DIR=/path/to/folder npm start.`
    );
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'ETIMEDOUT') {
    return (
      `De database is niet bereikbaar (${e.message}). Controleer DATABASE_URL en of PostgreSQL draait; zonder DATABASE_URL gebruikt het register de ingebouwde database.\n` +
      `The database cannot be reached (${e.message}). Check DATABASE_URL and that PostgreSQL is running; without DATABASE_URL the register uses its embedded database.`
    );
  }
  if (e.code === '28P01' || e.code === '28000') {
    return (
      `PostgreSQL weigert de inlog (${e.message}). Controleer gebruiker en wachtwoord in DATABASE_URL.\n` +
      `PostgreSQL refuses the sign-in (${e.message}). Check the user and password in DATABASE_URL.`
    );
  }
  if (e.code === '3D000') {
    return (
      `De database in DATABASE_URL bestaat niet (${e.message}). Maak hem aan (createdb) of wijs een bestaande aan.\n` +
      `The database in DATABASE_URL does not exist (${e.message}). Create it (createdb) or name an existing one.`
    );
  }
  return undefined;
}

/** The last resort: an error nobody foresaw still tells the reader, in both languages, what to do next. */
export function describeUnexpectedError(error: unknown, command: string): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const [nl, en] = command === 'serve' ? ['Starten', 'Start-up'] : [`De opdracht ${command}`, `The command ${command}`];
  return (
    `${nl} is mislukt door een onverwachte fout. Probeer het opnieuw; blijft het misgaan, meld dan de tekst hieronder.\n` +
    `${en} failed with an unexpected error. Try again; if it keeps failing, report the text below.\n\n` +
    detail
  );
}
