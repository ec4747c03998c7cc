# Duban: the single front door. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
JAR := backend/target/quarkus-app/quarkus-run.jar

.PHONY: help run build test openapi clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

build: ## Compile and package the service (no tests)
	$(MVN) package -DskipTests

run: build ## Start the service with the Zhuzhou plan loaded (starts a private MariaDB if none answers)
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 export DUBAN_DB_URL="$${DUBAN_DB_URL:-jdbc:mysql://$$host:$$port/duban?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000}" && \
	 echo "Database: $$DUBAN_DB_URL" && \
	 echo "API:        http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/api/v1" && \
	 echo "Swagger UI: http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/swagger-ui" && \
	 echo "OpenAPI:    http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/openapi" && \
	 echo "Health:     http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/health" && \
	 exec java -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar $(JAR)

test: ## Run every test against a real MySQL-protocol server, in a fresh schema (includes the contract drift check)
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 DUBAN_TEST_DB_HOST=$$host DUBAN_TEST_DB_PORT=$$port $(MVN) verify

openapi: ## Regenerate openapi/openapi.yaml from the running code
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 DUBAN_TEST_DB_HOST=$$host DUBAN_TEST_DB_PORT=$$port $(MVN) test -pl backend -am -Dtest=OpenApiContractTest \
	   -Dsurefire.failIfNoSpecifiedTests=false -Dcontract.write=true
	@echo "openapi/openapi.yaml refreshed"

clean: ## Remove build output (keeps the private database)
	$(MVN) clean
