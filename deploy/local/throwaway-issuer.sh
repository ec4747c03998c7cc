# Sourced, not run: a throw-away OpenID Connect issuer for a start that needs one but no sign-in (the service checks
# the issuer's discovery document and key set at start; nobody signs in). An RSA key, its key set and a discovery
# document, served statically by python3 -m http.server on a free loopback port.
#
#   . deploy/local/throwaway-issuer.sh && start_throwaway_issuer "$tmp"    # sets issuer (URL) and issuer_pid
#
# The caller stops it (kill "$issuer_pid") and removes its folder. Used by deploy/local/train-cds.sh and
# deploy/bench-notes/measure-start.sh (the bench's BenchRun has its own, which also signs tokens).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_throwaway_issuer() {
  local dir=$1 n ip
  mkdir -p "$dir/www/realms/duban/.well-known" "$dir/www/realms/duban/protocol/openid-connect"
  openssl genrsa -out "$dir/key.pem" 2048 2>/dev/null
  n=$(openssl rsa -in "$dir/key.pem" -noout -modulus 2>/dev/null | cut -d= -f2)
  ip=$(free_port)
  issuer="http://127.0.0.1:$ip/realms/duban"
  python3 - "$n" "$issuer" "$dir/www/realms/duban" <<'PY'
import base64, json, sys
n, iss, d = sys.argv[1], sys.argv[2], sys.argv[3]
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
jwks = {"keys": [{"kty": "RSA", "kid": "start", "use": "sig", "alg": "RS256", "n": b(bytes.fromhex(n)), "e": b((65537).to_bytes(3, "big"))}]}
open(d + "/protocol/openid-connect/certs", "w").write(json.dumps(jwks))
open(d + "/.well-known/openid-configuration", "w").write(json.dumps({"issuer": iss, "jwks_uri": iss + "/protocol/openid-connect/certs",
    "token_endpoint": iss + "/protocol/openid-connect/token", "authorization_endpoint": iss + "/protocol/openid-connect/auth",
    "id_token_signing_alg_values_supported": ["RS256"]}))
PY
  (cd "$dir/www" && exec python3 -m http.server "$ip" --bind 127.0.0.1 >/dev/null 2>&1) &
  issuer_pid=$!
  local _
  for _ in $(seq 1 100); do curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" && return 0; sleep 0.05; done
  echo "the throw-away issuer did not answer at $issuer" >&2
  return 1
}
