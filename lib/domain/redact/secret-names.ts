/**
 * Which names say "secret": a field or key in any format, a HAR header, a HAR query-string or
 * form parameter. Names are compared by their words (camelCase, `_`, `-`, `.` and spaces split
 * them), so `access_token`, `X-Api-Key`, `clientSecret` and `AWS_SECRET_ACCESS_KEY` all match,
 * while `max_tokens` or `tokenizer` do not.
 */

/** One word is enough. */
const FIELD_WORDS = new Set(['secret', 'token', 'password', 'passwd', 'pwd', 'passphrase', 'authorization', 'cookie', 'apikey', 'accesskey', 'privatekey', 'clientsecret']);
/** Two adjacent words: `api key`, `access key`, `private key`. */
const FIELD_PAIRS = new Set(['api key', 'access key', 'private key']);
/**
 * A last word that makes the name describe a secret rather than hold one: `token_count`,
 * `token_type: "Bearer"`, `password_hint`, `cookie_name`.
 */
const DESCRIBING = new Set(['count', 'type', 'ttl', 'expires', 'expiry', 'expiration', 'length', 'limit', 'usage', 'hint', 'name', 'policy', 'enabled', 'required']);

/** Headers whose whole value is a credential, beyond what the field words catch. */
const SECRET_HEADERS = new Set(['proxy-authorization', 'x-csrf-token', 'x-xsrf-token', 'x-amz-security-token', 'x-goog-api-key']);
/** Extra words for headers and HAR parameters: a session or auth value is a credential there. */
const HTTP_WORDS = new Set(['auth', 'session', 'sessionid', 'sid', 'csrf', 'xsrf', 'signature']);
/** A query parameter called just `key` is an API key (`?key=AIza...`). */
const PARAM_NAMES = new Set(['key', 'sig', 'code_verifier']);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function hasSecretWord(words: string[], extra?: ReadonlySet<string>): boolean {
  const last = words[words.length - 1];
  if (words.length > 1 && last !== undefined && DESCRIBING.has(last)) return false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (FIELD_WORDS.has(word) || extra?.has(word)) return true;
    if (i > 0 && FIELD_PAIRS.has(`${words[i - 1]} ${word}`)) return true;
  }
  return false;
}

/** Field names repeat on every line of a log: remember the answer for the first few thousand. */
const fieldMemo = new Map<string, boolean>();
const FIELD_MEMO_SIZE = 4096;

/** A JSON key, logfmt key or `key=value` name in any format. */
export function isSecretField(name: string): boolean {
  const known = fieldMemo.get(name);
  if (known !== undefined) return known;
  const secret = hasSecretWord(nameWords(name));
  if (fieldMemo.size < FIELD_MEMO_SIZE) fieldMemo.set(name, secret);
  return secret;
}

/** A HAR request or response header (`Authorization`, `Set-Cookie`, `X-Api-Key`, `X-Auth-Token`...). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || hasSecretWord(nameWords(name), HTTP_WORDS);
}

/** A HAR query-string or postData parameter (`access_token`, `session`, `auth`, `apikey`...). */
export function isSecretParam(name: string): boolean {
  return PARAM_NAMES.has(name.toLowerCase()) || hasSecretWord(nameWords(name), HTTP_WORDS);
}
