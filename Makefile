# The one entry point for editors and developers. `make help` lists the targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

# The site's commands: the `strategy` package (src/strategy/), installed into .venv/.
STRATEGY := $(BIN)/strategy
export NO_MKDOCS_2_WARNING := 1
# make's own "Entering directory" lines are English and tell an editor nothing.
MAKEFLAGS += --no-print-directory

# IAITH=cy: the editors' commands speak Welsh (as STRATEGY_LANG=cy or a Welsh locale does).
# Their recipes are not echoed (@): an editor reads only what the command says.
ifdef IAITH
export STRATEGY_LANG := $(IAITH)
endif

.DEFAULT_GOAL := help
.PHONY: help serve test build check post translated translations proof versions clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# The pinned dependencies, then the package itself, as any site installs it (editable here,
# so that a change to src/ is in the next command without installing again).
$(BIN)/.runtime-installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

$(BIN)/.dev-installed: $(BIN)/.runtime-installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# From npm: the test tools (the Nu HTML Checker, axe-core) and the dictionaries.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@ node_modules/.dictionaries-installed

# The Welsh and English dictionaries alone (package.json "dependencies"), for `make proof`.
node_modules/.dictionaries-installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --omit=dev
	touch $@

serve: $(BIN)/.runtime-installed  ## Set up, then preview the site at http://127.0.0.1:8000/ (Welsh at /cy/; ONLY=cy or ONLY=en for one language)
	@STRATEGY_PREVIEW_LANGUAGES=$(ONLY) $(STRATEGY) serve --dev-addr $(HOST)

test: $(BIN)/.dev-installed node_modules/.installed  ## Set up, then run every test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

build: $(BIN)/.runtime-installed  ## Build the site into site/ (replaced only if the build succeeds, and only a site it built)
	@$(STRATEGY) build

check: $(BIN)/.runtime-installed  ## Check every post and the delivery plan, all problems at once
	@$(STRATEGY) check

# Every option of `make post` is optional: KIND, MISSION, TITLE, TITLE_CY, SOURCE (en or cy:
# the language written first), DATE (YYYY-MM-DD) and SLUG (the file name). Titles not given
# are asked for. The values reach the command through the environment (make exports
# variables set on its command line), so quotes, $ and ` in a title stay part of the title.
post: $(BIN)/.runtime-installed  ## Start a new post in both languages (KIND= MISSION= TITLE= TITLE_CY= SOURCE=cy)
	@$(STRATEGY) new $(if $(KIND),--kind "$$KIND") $(if $(MISSION),--mission "$$MISSION") \
	  $(if $(TITLE),--title "$$TITLE") $(if $(TITLE_CY),--title-cy "$$TITLE_CY") \
	  $(if $(SOURCE),--source "$$SOURCE") $(if $(DATE),--date "$$DATE") $(if $(SLUG),--slug "$$SLUG")

translated: $(BIN)/.runtime-installed  ## Record that a translation is in step with its source (FILE=docs/cy/...md, ENTRY= a text of the plan, or ALL=1)
	@$(STRATEGY) translated $(if $(FILE),"$$FILE") $(if $(ENTRY),--entry "$$ENTRY") $(if $(ALL),--all)

translations: $(BIN)/.runtime-installed  ## List every translation: in step, outdated or missing
	@$(STRATEGY) translations

proof: $(BIN)/.runtime-installed node_modules/.dictionaries-installed  ## Spelling and Welsh mutations, by file and line (SITE=site: the built Welsh pages too)
	@$(STRATEGY) proof $(if $(SITE),--site $(SITE))

versions: $(BIN)/.runtime-installed  ## Build two versions into a local branch with mike and serve them
	@$(STRATEGY) versions --address $(HOST)

clean:  ## Remove the built site and the virtual environment
	rm -rf site .site.* $(VENV) node_modules
