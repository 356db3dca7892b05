"""python -m preview [--dev-addr HOST:PORT]: the editors' preview (see server.py).

STRATEGY_PREVIEW_LANGUAGES (`make serve ONLY=cy`) names the one language to show;
both by default.
"""

import argparse
import logging
import os
import sys
from pathlib import Path

from preview.server import serve
from strategy import LANGUAGES
from strategy.messages import message


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m preview", description=__doc__.split("\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the folder of mkdocs.yml")
    parser.add_argument("--site-dir", help="build into this folder (default: a new temporary one)")
    parser.add_argument("--build-only", action="store_true", help="build the preview, then stop (no server)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    named = os.environ.get("STRATEGY_PREVIEW_LANGUAGES", "").replace(",", " ").split()
    unknown = [name for name in named if name not in LANGUAGES]
    if unknown:
        print(message("preview.unknown_language", named=" ".join(unknown), languages=", ".join(LANGUAGES)), file=sys.stderr)
        return 2
    languages = [language for language in LANGUAGES if language in named] or list(LANGUAGES)
    host, port = args.dev_addr.rsplit(":", 1)
    built = serve(args.root.resolve(), host, int(port), languages, args.site_dir, args.build_only)
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
