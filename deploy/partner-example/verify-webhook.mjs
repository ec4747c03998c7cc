// Verifies a Duban webhook the way a partner's receiver should (Standard Webhooks, plain Node, no packages).
//
// As a library:   import { verifyWebhook } from './verify-webhook.mjs'
//                 verifyWebhook(secret, headers, rawBody)  -> the parsed event, or throws
// From a shell:   node verify-webhook.mjs --secret whsec_... --id <webhook-id> --timestamp <webhook-timestamp> \
//                      --signature "<webhook-signature>" --body-file body.json [--now <unix seconds>]
//                 prints the event type and resource, exit 0 when verified, 1 when not.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TOLERANCE_SECONDS = 5 * 60; // refuse replays of old deliveries and clocks far apart

export function verifyWebhook(secret, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) throw new Error('missing webhook-id, webhook-timestamp or webhook-signature');
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    throw new Error('timestamp outside the tolerance');
  }
  // The key is the base64 part of the secret after "whsec_"; the signed content is id.timestamp.body, byte for byte.
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
  // During a secret rotation the header carries several "v1,<base64>" entries separated by spaces: one match is enough.
  const ok = signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new Error('no valid signature');
  return JSON.parse(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody);
}

function argument(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const body = readFileSync(argument('body-file'));
    const now = argument('now') ? Number(argument('now')) : undefined;
    const event = verifyWebhook(argument('secret'),
      { 'webhook-id': argument('id'), 'webhook-timestamp': argument('timestamp'), 'webhook-signature': argument('signature') }, body, now);
    console.log(`verified ${event.type} ${event.resource.type}/${event.resource.id} #${event.sequence}`);
  } catch (e) {
    console.error(`refused: ${e.message}`);
    process.exit(1);
  }
}
