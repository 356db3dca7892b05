# The one entry point for editors and developers. `make help` lists the targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# HOST=host:port: where `make serve` and `make versions` listen (the default is the package's: 127.0.0.1:8000).

# The site's commands: the `strategy` package (src/strategy/), installed into .venv/.
# STRATEGY_RUN_BY=make: its messages name an option as an editor types it here (KIND=event, not --kind).
STRATEGY := STRATEGY_RUN_BY=make $(BIN)/strategy
export NO_MKDOCS_2_WARNING := 1
# make's own "Entering directory" lines are English and tell an editor nothing.
MAKEFLAGS += --no-print-directory

# IAITH=cy: the editors' commands speak Welsh (as STRATEGY_LANG=cy or a Welsh locale does).
# Their recipes are not echoed (@): an editor reads only what the command says.
ifdef IAITH
export STRATEGY_LANG := $(IAITH)
endif

# A failed editor's command says why in the editor's language, and nothing more. make
# adds its own English line after any recipe that fails ("make: *** [Makefile:NN: check]
# Error 1") and has no option to leave it out. So an editor's recipe ends with
# $(OR_STOP_QUIETLY): when the command fails, the recipe's shell stops make (its parent)
# with SIGPIPE, which make does not catch and shells do not report: make ends at once,
# saying nothing, and exits with a failure (141) for scripts and CI. Where SIGPIPE is
# ignored, the command's own status fails the recipe as usual, make's line and all.
# (`-` or .IGNORE would drop the line, and the failure with it. SIGINT, which make
# catches, races make's reaping of the shell: "make: *** wait: No child processes".)
OR_STOP_QUIETLY = || { status=$$?; kill -PIPE $$PPID; exit $$status; }
# Ctrl+C (how an editor stops `make serve`) reaches make, the recipe's shell and the
# command at once. make ends quietly if the recipe's shell ends normally; a shell that
# died of the signal would have make print "make: *** [Makefile:NN: serve] Interrupt".
# So the shell outlives Ctrl+C (a trap, not an ignored signal, which the command would
# inherit), and ends as the command did, which says in the editor's language that it stopped.
OUTLIVE_CTRL_C := trap : INT;

# Setting up happens before the package (and its catalogue of strings) is installed, so what
# it says is written here, in both languages, word for word as the catalogue's cli.setup.*
# (tests/test_editor_language.py keeps them equal). The tools' own output is English and
# shown only when a step fails, followed by what to do. The language is chosen as the
# package chooses it (strategy/messages.py): STRATEGY_LANG, else the locale, else English.
EDITOR_LANGUAGE = $(or $(filter en cy,$(STRATEGY_LANG)),$(if $(filter cy%,$(firstword $(LC_ALL) $(LC_MESSAGES) $(LANG))),cy,en))
SETUP_STARTED_en := Setting up the site's tools in .venv/, the first time only: a minute or two.
SETUP_STARTED_cy := Wrthi'n gosod offer y wefan yn .venv/, y tro cyntaf yn unig: munud neu ddau.
DICTIONARIES_STARTED_en := Fetching the Welsh and English dictionaries, the first time only.
DICTIONARIES_STARTED_cy := Wrthi'n nôl y geiriadur Cymraeg a'r geiriadur Saesneg, y tro cyntaf yn unig.
SETUP_FAILED_en := Setting up failed: the lines above say why. Check the internet connection, then run the same command again.
SETUP_FAILED_cy := Methodd y gosod: mae'r llinellau uchod yn dweud pam. Gwiriwch y cysylltiad â'r rhyngrwyd, yna rhedwch yr un gorchymyn eto.
SAY = printf '%s\n' "$($(1)_$(EDITOR_LANGUAGE))"
# A set-up step, quietly: its output only if it fails, then SETUP_FAILED, then make stops
# as OR_STOP_QUIETLY stops it (the step is done again next time).
QUIETLY = sh -c 'said=$$("$$@" 2>&1) || { status=$$?; printf "%s\n" "$$said" >&2; exit $$status; }' quietly
OR_SETUP_FAILED = || { $(call SAY,SETUP_FAILED) >&2; kill -PIPE $$PPID; exit 1; }

.DEFAULT_GOAL := help
.PHONY: help serve test build check post translated translations proof versions clean

# What each command does is in the catalogue (cli.make.*), so that it is listed in the
# editor's language: the list needs the set-up, as every editor's command does.
help: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) help $(OR_STOP_QUIETLY)

# The pinned dependencies, then the package itself, as any site installs it (editable here,
# so that a change to src/ is in the next command without installing again).
$(BIN)/.runtime-installed: requirements.txt pyproject.toml
	@$(call SAY,SETUP_STARTED)
	@$(QUIETLY) $(PYTHON) -m venv $(VENV) $(OR_SETUP_FAILED)
	@$(QUIETLY) $(BIN)/python -m pip install --upgrade pip $(OR_SETUP_FAILED)
	@$(QUIETLY) $(BIN)/python -m pip install -r requirements.txt $(OR_SETUP_FAILED)
	@$(QUIETLY) $(BIN)/python -m pip install --no-deps --editable . $(OR_SETUP_FAILED)
	@touch $@

$(BIN)/.dev-installed: $(BIN)/.runtime-installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .  # requirements.txt's "." installed a copy
	touch $@

# From npm: the test tools (the Nu HTML Checker, axe-core) and the dictionaries.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@ node_modules/.dictionaries-installed

# The Welsh and English dictionaries alone (package.json "dependencies"), for `make proof`.
node_modules/.dictionaries-installed: package.json package-lock.json
	@$(call SAY,DICTIONARIES_STARTED)
	@$(QUIETLY) npm ci --no-audit --no-fund --ignore-scripts --omit=dev $(OR_SETUP_FAILED)
	@touch $@

serve: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) STRATEGY_PREVIEW_LANGUAGES=$(ONLY) $(STRATEGY) serve $(if $(HOST),--dev-addr $(HOST)) $(OR_STOP_QUIETLY)

test: $(BIN)/.dev-installed node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

build: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) build $(OR_STOP_QUIETLY)

check: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) check $(OR_STOP_QUIETLY)

# Every option of `make post` is optional: KIND, MISSION, TITLE, TITLE_CY, SOURCE (en or cy:
# the language written first), DATE (YYYY-MM-DD) and SLUG (the file name). Titles not given
# are asked for. The values reach the command through the environment (make exports
# variables set on its command line), so quotes, $ and ` in a title stay part of the title.
post: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) new $(if $(KIND),--kind "$$KIND") $(if $(MISSION),--mission "$$MISSION") \
	  $(if $(TITLE),--title "$$TITLE") $(if $(TITLE_CY),--title-cy "$$TITLE_CY") \
	  $(if $(SOURCE),--source "$$SOURCE") $(if $(DATE),--date "$$DATE") $(if $(SLUG),--slug "$$SLUG") $(OR_STOP_QUIETLY)

translated: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) translated $(if $(FILE),"$$FILE") $(if $(ENTRY),--entry "$$ENTRY") $(if $(ALL),--all) $(OR_STOP_QUIETLY)

translations: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) translations $(OR_STOP_QUIETLY)

proof: $(BIN)/.runtime-installed node_modules/.dictionaries-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) proof $(if $(SITE),--site $(SITE)) $(OR_STOP_QUIETLY)

versions: $(BIN)/.runtime-installed
	@$(OUTLIVE_CTRL_C) $(STRATEGY) versions $(if $(HOST),--address $(HOST)) $(OR_STOP_QUIETLY)

# Any other command (`make chek`, a typing mistake) is said to be none of these, with
# the nearest, in the editor's language, rather than by make's English "No rule to make
# target". (A pattern rule with no prerequisites: files that exist are never remade by it.)
%:
	@$(MAKE) --silent $(BIN)/.runtime-installed $(OR_STOP_QUIETLY)
	@$(OUTLIVE_CTRL_C) $(STRATEGY) help --unknown "$@" $(OR_STOP_QUIETLY)

clean:
	rm -rf site .site.* $(VENV) node_modules
