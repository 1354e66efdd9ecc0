#!/usr/bin/env bash
# Smoke test of a running platform (the compose stack by default): gets tokens from Keycloak and calls the
# gateway. Read checks always; with SMOKE_WRITES=true (the default) it also registers an organization as staff,
# onboards the demo partner client onto it and submits an offer as that partner, which proves the whole chain:
# OIDC claims -> gateway -> agreement-service -> Kafka -> techtransfer-service's read model.
#
#   deploy/compose/smoke-test.sh                      # against docker compose on this host
#   GATEWAY_URL=https://api.example KEYCLOAK_URL=https://id.example SMOKE_WRITES=false deploy/compose/smoke-test.sh
#
# Needs curl and jq. Exit status 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")"

gateway="${GATEWAY_URL:-http://localhost:8080}"
keycloak="${KEYCLOAK_URL:-http://localhost:8180}"
realm="${KEYCLOAK_REALM:-yrd}"
partner_client="${PARTNER_CLIENT_ID:-partner-qingpu}"
partner_secret="${PARTNER_CLIENT_SECRET:-partner-qingpu-demo-secret}"
staff_user="${STAFF_USERNAME:-staff}"
staff_password="${STAFF_PASSWORD:-staff-demo-password}"
portal_client="${PORTAL_CLIENT_ID:-yrd-portal}"
writes="${SMOKE_WRITES:-true}"
token_endpoint="$keycloak/realms/$realm/protocol/openid-connect/token"

for tool in curl jq; do
  command -v "$tool" > /dev/null || { echo "smoke-test.sh needs $tool (e.g. apt-get install -y $tool)" >&2; exit 2; }
done

passed=0
failed=0
check() { # check <description> <expected> <actual>
  if [[ "$2" == "$3" ]]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: expected $2, got $3" >&2
  fi
}
status() { # status <curl args...>: prints the HTTP status only
  curl -sS -o /dev/null -w '%{http_code}' "$@"
}
claims() { # the JSON payload of a JWT
  local payload
  payload=$(cut -d. -f2 <<< "$1" | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload="$payload="; done
  base64 --decode <<< "$payload"
}
client_token() {
  curl -fsS "$token_endpoint" -d grant_type=client_credentials \
    --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2" | jq -r .access_token
}

echo "waiting for the gateway at $gateway ..."
for _ in $(seq 1 90); do
  if [[ "$(curl -s "$gateway/actuator/health" | jq -r .status 2> /dev/null)" == "UP" ]]; then break; fi
  sleep 2
done
check "gateway health" UP "$(curl -s "$gateway/actuator/health" | jq -r .status 2> /dev/null || true)"

# --- a partner token by client credentials, with the platform's claims
partner_token=$(client_token "$partner_client" "$partner_secret")
check "client-credentials token for $partner_client" true "$([[ "$partner_token" == *.*.* ]] && echo true || echo false)"
check "token has an org claim" true "$(claims "$partner_token" | jq '.org | type == "string"')"
check "token's roles claim holds PARTNER" true "$(claims "$partner_token" | jq '.roles | index("PARTNER") != null')"

# --- the gateway: public reads, authentication, authorization
check "anonymous GET /api/v1/organizations" 200 "$(status "$gateway/api/v1/organizations")"
check "anonymous GET /api/v1/news" 200 "$(status "$gateway/api/v1/news")"
check "partner GET /api/v1/techtransfer/offers" 200 \
  "$(status -H "Authorization: Bearer $partner_token" "$gateway/api/v1/techtransfer/offers")"
check "partner GET /api/v1/techtransfer/requests" 200 \
  "$(status -H "Authorization: Bearer $partner_token" "$gateway/api/v1/techtransfer/requests")"
check "POST /api/v1/organizations without a token" 401 \
  "$(status -X POST -H 'Content-Type: application/json' -d '{}' "$gateway/api/v1/organizations")"
check "POST /api/v1/organizations with a forged token" 401 \
  "$(status -X POST -H 'Content-Type: application/json' -H 'Authorization: Bearer not.a.jwt' -d '{}' \
      "$gateway/api/v1/organizations")"
check "partner POST /api/v1/organizations (staff only)" 403 \
  "$(status -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $partner_token" \
      -d '{"name":{"en-US":"Not allowed"},"type":"ENTERPRISE","region":"310118"}' "$gateway/api/v1/organizations")"

if [[ "$writes" == "true" ]]; then
  # --- staff (password grant through the portal client: demo only) registers an organization
  staff_token=$(curl -fsS "$token_endpoint" -d grant_type=password --data-urlencode "client_id=$portal_client" \
    --data-urlencode "username=$staff_user" --data-urlencode "password=$staff_password" | jq -r .access_token)
  check "staff token's roles claim holds STAFF" true "$(claims "$staff_token" | jq '.roles | index("STAFF") != null')"
  registered=$(curl -sS -w '\n%{http_code}' -X POST "$gateway/api/v1/organizations" \
    -H "Authorization: Bearer $staff_token" -H 'Content-Type: application/json' \
    -d '{"name":{"zh-CN":"青浦冒烟测试企业","en-US":"Qingpu Smoke Test Enterprise"},"type":"ENTERPRISE","region":"310118"}')
  check "staff POST /api/v1/organizations" 201 "$(tail -n 1 <<< "$registered")"
  organization=$(sed '$d' <<< "$registered" | jq -r .id)

  # --- the partner client now speaks for that organization; its offer needs techtransfer's read model,
  #     which learns the organization from organizations.v1
  ./onboard-partner.sh "$partner_client" "$organization" > /dev/null
  partner_token=$(client_token "$partner_client" "$partner_secret")
  check "partner token names the new organization" "$organization" "$(claims "$partner_token" | jq -r .org)"
  offer_status=000
  for _ in $(seq 1 30); do
    offer_status=$(status -X POST "$gateway/api/v1/techtransfer/offers" \
      -H "Authorization: Bearer $partner_token" -H 'Content-Type: application/json' -d '{
        "title": {"zh-CN": "冒烟测试技术", "en-US": "Smoke test technology"},
        "summary": {"en-US": "Submitted by the deployment smoke test."},
        "field": "ADVANCED_MANUFACTURING_AUTOMATION", "keywords": ["smoke-test"], "trl": 5,
        "ipStatus": "KNOW_HOW", "patentNumbers": [], "transferModes": ["TECHNICAL_SERVICE"], "region": "310118"}')
    [[ "$offer_status" == 201 ]] && break
    sleep 2
  done
  check "partner POST /api/v1/techtransfer/offers (organization known through Kafka)" 201 "$offer_status"
fi

echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
