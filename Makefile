# Duban: the single front door. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
# The package and the test-scope classpath of the bench's programs (BenchRun, ProvinceDataSet): make bench, make probe
BENCH_BUILD = $(MVN) -q package dependency:build-classpath -DskipTests -pl backend -am -Dmdep.includeScope=test \
	-Dmdep.outputFile=$(CURDIR)/.build/bench/classpath.txt
JAR := backend/target/quarkus-app/quarkus-run.jar
# The service's JVM options, one list for make run, deploy/local/e2e.sh, the bench and the image (a java argument file);
# the service starts from its folder, where its AppCDS archive names quarkus-run.jar (make run and make bench train
# that archive on a real start first: deploy/local/train-cds.sh).
JVM_OPTIONS := $(CURDIR)/deploy/local/jvm.options

.PHONY: help run build test test-mysql bench probe contract deploy-check openapi stop clean image image-test

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

build: ## Compile and package the service (no tests)
	$(MVN) package -DskipTests

run: build ## Start Keycloak and the service with the Zhuzhou plan loaded (starts a private MariaDB if none answers)
	@deploy/local/ensure-font.sh || echo "(starting anyway: PDF downloads answer 503 字体不可用 until the font is there; XLSX and CSV work)"
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 if [ -z "$${DUBAN_OIDC_ISSUER:-}" ]; then export DUBAN_OIDC_ISSUER=$$(deploy/keycloak/keycloak.sh start | tail -n1); fi && \
	 echo "Keycloak:   $$DUBAN_OIDC_ISSUER (demo users: deploy/keycloak/README.md)" && \
	 export DUBAN_DB_URL="$${DUBAN_DB_URL:-jdbc:mysql://$$host:$$port/duban?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000}" && \
	 echo "Database: $$DUBAN_DB_URL" && \
	 echo "API:        http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/api/v1" && \
	 echo "Swagger UI: http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/swagger-ui" && \
	 echo "OpenAPI:    http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/openapi" && \
	 echo "Health:     http://127.0.0.1:$${DUBAN_HTTP_PORT:-8080}/q/health" && \
	 export MALLOC_ARENA_MAX=$${MALLOC_ARENA_MAX:-2} && \
	 { DUBAN_DB_URL= DUBAN_DB_HOST=$$host DUBAN_DB_PORT=$$port deploy/local/train-cds.sh $(dir $(JAR)) \
	   || echo "(starting with the package's AppCDS archive: a slower start, nothing else)"; } && \
	 cd $(dir $(JAR)) && exec java @$(JVM_OPTIONS) -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar $(notdir $(JAR))

# Two things run in the background (deploy/local/background.sh), each joined by the stage that needs it, whose
# failure fails that stage: the image's base (a fresh machine: download and dpkg) while the fast suite (CPU) runs, and
# the end-to-end stage's Keycloak (unpack, first start, realm import) while the contract checks run.
BG := deploy/local/background.sh
test: ## Every test: the deployment files, the fast suite, the contract checks, then end to end with a real Keycloak, Chromium and the image
	@echo "[test $$(date +%T)] deployment files (make deploy-check)"
	@$(MAKE) --no-print-directory deploy-check
	@deploy/local/ensure-font.sh
	@deploy/local/ensure-chromium.sh
	@$(BG) start image-base
	@echo "[test $$(date +%T)] fast suite (mvn verify)"
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 DUBAN_TEST_DB_HOST=$$host DUBAN_TEST_DB_PORT=$$port $(MVN) verify || { $(BG) stop image-base; exit 1; }
	@$(BG) start keycloak
	@echo "[test $$(date +%T)] contract checks (make contract)"
	@$(MAKE) --no-print-directory contract || { $(BG) stop keycloak; $(BG) stop image-base; exit 1; }
	@echo "[test $$(date +%T)] end to end (deploy/local/e2e.sh)"
	@deploy/local/e2e.sh
	@echo "[test $$(date +%T)] passed"

test-mysql: ## The fast suite and end to end against a real MySQL 8.0.31 from Maven Central (not in make test; deploy/README.md)
	@deploy/mysql/run-suite-against-mysql.sh

bench: ## Province-scale load run (issue 11): duban vs a plain-JDBC reference under wrk; .build/bench/report.md and chart.png
	@deploy/local/ensure-font.sh
	@deploy/local/ensure-wrk.sh
	@mkdir -p .build/bench
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 $(BENCH_BUILD) && \
	 DUBAN_DB_HOST=$$host DUBAN_DB_PORT=$$port deploy/local/train-cds.sh $(dir $(JAR)) && \
	 DUBAN_DB_HOST=$$host DUBAN_DB_PORT=$$port java -cp backend/target/test-classes:backend/target/classes:$$(cat .build/bench/classpath.txt) \
	   cn.gov.zhuzhou.duban.bench.BenchRun
	@echo "Report: .build/bench/report.md  Chart: .build/bench/chart.png  (quick run: BENCH_DURATION=5s BENCH_WARMUP=2s make bench)"

probe: ## Every operation of the contract with bad values, as each role, on a schema of its own: 5xx, non-problem errors, wrong JSON types taken
	@mkdir -p .build/bench
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 $(BENCH_BUILD) && \
	 DUBAN_DB_HOST=$$host DUBAN_DB_PORT=$$port deploy/local/probe-contract.sh

contract: frontend-contract/node_modules/.installed ## Lint the contract, check the generated client and fixtures, unit-test the client
	npm --prefix frontend-contract run lint:openapi
	npm --prefix frontend-contract run check

deploy-check: deploy/check/node_modules/.installed ## Kubernetes overlays rendered and validated against the API schemas, linted; Compose file linted (offline)
	@deploy/local/ensure-caddy.sh || true
	@deploy/local/ensure-promtool.sh || true
	npm --prefix deploy/check run check

deploy/check/node_modules/.installed: deploy/check/package-lock.json
	npm --prefix deploy/check ci --no-audit --no-fund
	@touch $@

frontend-contract/node_modules/.installed: frontend-contract/package-lock.json
	npm --prefix frontend-contract ci --no-audit --no-fund
	@touch $@

openapi: frontend-contract/node_modules/.installed ## Regenerate the contract, the typed client and the fixtures; list breaking changes
	@mkdir -p .build && cp openapi/openapi.yaml .build/openapi.before.yaml
	@read -r host port < <(deploy/local/ensure-db.sh) && \
	 DUBAN_TEST_DB_HOST=$$host DUBAN_TEST_DB_PORT=$$port $(MVN) test -pl backend -am -Dtest=OpenApiContractTest \
	   -Dsurefire.failIfNoSpecifiedTests=false -Dcontract.write=true
	npm --prefix frontend-contract run generate
	npm --prefix frontend-contract run fixtures
	@echo "openapi/openapi.yaml, the typed client and the fixtures are refreshed; changes that would break a client:"
	@node openapi/check-breaking.mjs .build/openapi.before.yaml openapi/openapi.yaml || \
	 { echo "(breaking changes listed above: version the API or tell the SPA and partner teams)"; [ -n "$${ALLOW_BREAKING:-}" ]; }

image: build ## Build the service image localhost/duban:latest (podman/buildah, root; base from Debian packages, cached)
	deploy/image/build.sh

image-test: image ## Start the image against the local MariaDB and Keycloak and check it is ready (also part of make test)
	deploy/image/test.sh

stop: ## Stop the local Keycloak that make run started
	deploy/keycloak/keycloak.sh stop

clean: ## Remove build output (keeps the private database)
	$(MVN) clean
