# Thin wrapper: the two commands of the README, plus a few conveniences.
# Everything real lives in meson.build, scripts/ and tests/.
.PHONY: all build demo check deps web test-unit test-asan test-api test-browser bench clean format

BUILD ?= build
ASAN  ?= build-asan
DEMO_DB ?= demo/fazhi-demo.db
PORT ?= 8080

all: build

deps:
	@scripts/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

$(ASAN)/build.ninja:
	meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# Meson lists the module folders when it configures (meson.build): a folder
# added under src/modules makes the next build configure again.
MODULE_BUILDS := $(wildcard src/modules/*/meson.build)

%/.modules: $(MODULE_BUILDS) | %/build.ninja
	meson setup --reconfigure $* >/dev/null
	touch $@

build: deps $(BUILD)/build.ninja $(BUILD)/.modules web
	ninja -C $(BUILD)

web: web/dist/index.html

web/dist/index.html: web/package.json web/package-lock.json web/vite.config.js $(shell find web/src web/index.html -type f 2>/dev/null)
	cd web && npm ci --no-audit --no-fund && npm run build

demo: build
	@scripts/demo.sh $(BUILD)/fazhi $(DEMO_DB) $(PORT)

check: build $(ASAN)/build.ninja $(ASAN)/.modules
	ninja -C $(ASAN)
	scripts/check.sh $(BUILD) $(ASAN)

bench: build
	bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'bench/*.c')

clean:
	rm -rf $(BUILD) $(ASAN) web/dist
