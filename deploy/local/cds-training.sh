# Sourced, not run: what every AppCDS training start shares (deploy/local/train-cds.sh for the packaged service,
# deploy/image/build.sh for the image): the schema it runs on and the requests it answers before it is stopped.

# The training database on the server at $1:$2: schema duban_cds, made and migrated by the first training and kept.
# Never a schema with real data: the training start runs the clustered scheduler, whose jobs would act on it.
cds_db_url() {
  echo "jdbc:mysql://$1:$2/duban_cds?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000"
}

# What a first client asks a ready service at $1 (health, the contract in both formats, a request without a token,
# the metrics), so the archive also holds the classes that answer it.
ask_as_a_first_client() {
  local path
  for path in /q/health /q/health/live "/q/openapi?format=json" /q/openapi /api/v1/plans /q/metrics; do
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$1$path" || true
  done
}
