#!/usr/bin/env bash
# Points a partner client's `org` claim at an organization registered in agreement-service: the onboarding step
# after staff registered the organization (POST /api/v1/organizations answers its id).
#
#   deploy/compose/onboard-partner.sh partner-qingpu org-6650f0c2e4b0a1b2c3d4e5f6
#
# Uses Keycloak's admin REST API (the master realm's admin; KEYCLOAK_ADMIN_PASSWORD as in compose.yaml).
# Needs curl and jq. Tokens issued before the change keep the old claim until they expire (5 minutes).
set -euo pipefail

client_id="${1:?usage: onboard-partner.sh <client id> <organization id>}"
organization="${2:?usage: onboard-partner.sh <client id> <organization id>}"
keycloak="${KEYCLOAK_URL:-http://localhost:8180}"
realm="${KEYCLOAK_REALM:-yrd}"

for tool in curl jq; do
  command -v "$tool" > /dev/null || { echo "onboard-partner.sh needs $tool (e.g. apt-get install -y $tool)" >&2; exit 2; }
done

admin_token=$(curl -fsS "$keycloak/realms/master/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=admin-cli \
  --data-urlencode "username=${KEYCLOAK_ADMIN:-admin}" \
  --data-urlencode "password=${KEYCLOAK_ADMIN_PASSWORD:-admin}" | jq -r .access_token)
auth=(-H "Authorization: Bearer $admin_token")

client_uuid=$(curl -fsS "${auth[@]}" -G "$keycloak/admin/realms/$realm/clients" --data-urlencode "clientId=$client_id" \
  | jq -r '.[0].id // empty')
[[ -n "$client_uuid" ]] || { echo "no client $client_id in realm $realm" >&2; exit 1; }

mapper=$(curl -fsS "${auth[@]}" "$keycloak/admin/realms/$realm/clients/$client_uuid/protocol-mappers/models" \
  | jq -c '[.[] | select(.name == "org")][0] // empty')
[[ -n "$mapper" ]] || { echo "client $client_id has no 'org' protocol mapper" >&2; exit 1; }
mapper_id=$(jq -r .id <<< "$mapper")

jq -c --arg org "$organization" '.config["claim.value"] = $org' <<< "$mapper" \
  | curl -fsS "${auth[@]}" -X PUT -H 'Content-Type: application/json' --data-binary @- \
      "$keycloak/admin/realms/$realm/clients/$client_uuid/protocol-mappers/models/$mapper_id"
echo "client $client_id now issues tokens with org=$organization"
