#!/usr/bin/env python3
"""Probe every operation of the served contract with bad values (session 23; `make probe` runs it).

    probe-contract.py BASE_URL TOKEN_FILE [ROLE]

Reads the contract from BASE_URL/q/openapi (JSON) and sends, for each operation: every path, query and header
parameter with 13 bad values, and every top-level and one-level-nested body field with 15 (the rest of the body the
contract's examples). Standard library only. Prints a status histogram and the findings, and exits 1 if there is one:
- a 5xx other than 503 (overloaded, database away: answers by design);
- an error that is not application/problem+json, or has an empty body;
- a 2xx to a body whose field held a value of another JSON type than the contract's (a number for text, an enum or a
  date; text or a fraction for a whole number; ...): the value was taken and made into something.
The probe writes (it is every operation): run it against a schema of its own, never real data.
"""
import copy
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, OrderedDict

BASE, TOKEN = sys.argv[1].rstrip('/'), open(sys.argv[2]).read().strip()
ROLE = sys.argv[3] if len(sys.argv) > 3 else 'office'
PARAM_VALUES = ['', '-1', '0', '99999999999999999999', 'abc', '2026-02-30', 'x' * 3000, '%00', '1.5', '中文', '2026-13',
                "1'--", '1e3']
BODY_VALUES = [None, '', -1, 0, 10 ** 20, 1.5, 'x' * 5000, [], {}, True, '2026-02-30', '\u0000', '中' * 300, -10 ** 20, 'abc']
HEADER_VALUES = ['', 'abc', '"x"', 'W/"1"', '99999999999999999999', 'x' * 3000]


def fetch(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={'Authorization': 'Bearer ' + TOKEN, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get('Content-Type', ''), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('Content-Type', ''), e.read()


spec = json.loads(fetch('GET', BASE + '/q/openapi?format=json')[2])


def resolve(s):
    while isinstance(s, dict) and '$ref' in s:
        node = spec
        for part in s['$ref'].lstrip('#/').split('/'):
            node = node[part]
        s = node
    if isinstance(s, dict) and len(s.get('allOf', [])) == 1 and 'properties' not in s:
        return resolve(s['allOf'][0])
    return s


def json_type(s):
    t = s.get('type')
    if isinstance(t, list):
        t = next((x for x in t if x != 'null'), None)
    return t


def sample(s, depth=0):
    s = resolve(s)
    if 'example' in s:
        return s['example']
    if s.get('examples'):
        return s['examples'][0]
    if 'enum' in s:
        return s['enum'][0]
    t = json_type(s)
    if t == 'object' or 'properties' in s:
        return {k: sample(v, depth + 1) for k, v in (s.get('properties') or {}).items()} if depth < 4 else {}
    if t == 'array':
        return [sample(s.get('items', {}), depth + 1)] if depth < 4 else []
    return {'integer': 1, 'number': 1.5, 'boolean': True}.get(t, {'date': '2026-11-05', 'date-time': '2026-11-05T10:00:00+08:00'}
                                                                .get(s.get('format'), '测试'))


def mistyped(value, schema):
    """Whether a JSON value is of another type than the (resolved) schema's; null and a wrong value of the right type are not."""
    t, fmt = json_type(schema), schema.get('format')
    if value is None or t is None:
        return False
    if t == 'string':
        return not isinstance(value, str) or (fmt in ('date', 'date-time') and value == '')
    if t == 'integer':
        return isinstance(value, bool) or not isinstance(value, int)
    if t == 'number':
        return isinstance(value, bool) or not isinstance(value, (int, float))
    if t == 'boolean':
        return not isinstance(value, bool)
    if t == 'array':
        return not isinstance(value, list)
    if t == 'object':
        return not isinstance(value, dict)
    return False


statuses, findings, sent = Counter(), OrderedDict(), 0


def probe(method, path, query, body, headers, what, field_schema=None, value=None):
    global sent
    sent += 1
    url = BASE + path + ('?' + urllib.parse.urlencode(query) if query else '')
    try:
        status, ctype, content = fetch(method, url, body, headers)
    except Exception as e:  # a connection the service dropped is a finding too
        findings[(method, path, what)] = f'{method} {path} [{what}]: {e}'
        return
    statuses[status] += 1
    problem = None
    if status >= 500 and status != 503:
        problem = f'{status}'
    elif status >= 400 and 'problem+json' not in ctype:
        problem = f'{status} as {ctype or "no content type"}'
    elif status >= 400 and not content.strip():
        problem = f'{status} with an empty body'
    elif 200 <= status < 300 and field_schema is not None and mistyped(value, field_schema):
        problem = f'{status}: a {type(value).__name__} taken for a {json_type(field_schema)} ({field_schema.get("format") or ""})'
    if problem:
        key = (method, re.sub(r'\d+', 'N', path), what.split('=')[0], problem[:3])
        findings.setdefault(key, f'{method} {path} [{what[:70]}] -> {problem}: {content[:160].decode("utf-8", "replace")}')


for path, item in spec['paths'].items():
    for method, op in item.items():
        if method not in ('get', 'post', 'put', 'patch', 'delete'):
            continue
        params = [resolve(p) for p in op.get('parameters', []) + item.get('parameters', [])]
        path_values = {p['name']: sample(p.get('schema', {})) for p in params if p['in'] == 'path'}

        def filled(values):
            out = path
            for k, v in values.items():
                out = out.replace('{' + k + '}', urllib.parse.quote(str(v), safe=''))
            return out

        headers = {'Content-Type': 'application/json', 'If-Match': '*'}
        content = (op.get('requestBody') or {}).get('content', {})
        if content and 'application/json' not in content:
            continue  # uploads: not JSON
        schema = resolve(content['application/json'].get('schema', {})) if content else None
        body = sample(schema) if schema else None
        M = method.upper()
        for p in params:
            if p['in'] == 'path':
                for v in PARAM_VALUES:
                    probe(M, filled({**path_values, p['name']: v}), {}, body, headers, f'path {p["name"]}={v[:20]}')
            elif p['in'] == 'query':
                for v in PARAM_VALUES:
                    probe(M, filled(path_values), {p['name']: v}, body, headers, f'query {p["name"]}={v[:20]}')
            elif p['in'] == 'header' and p['name'].lower() != 'authorization':
                for v in HEADER_VALUES:
                    probe(M, filled(path_values), {}, body, {**headers, p['name']: v}, f'header {p["name"]}={v[:20]}')
        if isinstance(body, dict):
            props = {k: resolve(v) for k, v in (schema.get('properties') or {}).items()}
            for k in body:
                for v in BODY_VALUES:
                    b = copy.deepcopy(body)
                    b[k] = v
                    probe(M, filled(path_values), {}, b, headers, f'body {k}={str(v)[:20]}', props.get(k), v)
                inner = props.get(k, {})
                nested = body[k][0] if isinstance(body[k], list) and body[k] and isinstance(body[k][0], dict) else body[k]
                inner = resolve(inner.get('items', {})) if isinstance(body[k], list) else inner
                if isinstance(nested, dict):
                    inner_props = {k2: resolve(v2) for k2, v2 in (inner.get('properties') or {}).items()}
                    for k2 in nested:
                        for v in BODY_VALUES:
                            b = copy.deepcopy(body)
                            (b[k][0] if isinstance(b[k], list) else b[k])[k2] = v
                            probe(M, filled(path_values), {}, b, headers, f'body {k}.{k2}={str(v)[:20]}', inner_props.get(k2), v)

print(f'{ROLE}: {sent} requests, answers {dict(sorted(statuses.items()))}, findings {len(findings)}')
for f in findings.values():
    print('  ' + f)
sys.exit(1 if findings else 0)
