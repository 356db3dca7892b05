"""strategy serve [--dev-addr HOST:PORT]: the editors' preview (see server.py).

STRATEGY_PREVIEW_LANGUAGES (`make serve ONLY=cy`) names the one language to show;
both by default.
"""

import logging
import os
import signal
import sys
from pathlib import Path

from strategy.preview.server import serve
from strategy import LANGUAGES
from strategy.arguments import EditorArgumentParser
from strategy.inputs import PREVIEW_ADDRESS, InvalidInput, host_and_port, run_through_make
from strategy.parent_process import end_with_parent
from strategy.messages import message
from strategy.tool_messages import ToolLogFilter, ToolLogFormatter, ToolMessages


def main(argv: list[str] | None = None) -> int:
    parser = EditorArgumentParser(prog="strategy serve", description=message("usage.preview"))
    parser.add_argument("--dev-addr", default=PREVIEW_ADDRESS, help=message("usage.dev_addr", address=PREVIEW_ADDRESS))
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=message("usage.root"))
    parser.add_argument("--site-dir", help=message("usage.preview_site_dir"))
    parser.add_argument("--build-only", action="store_true", help=message("usage.build_only"))
    args = parser.parse_args(argv)
    # Stopped with make (`make serve`, then SIGTERM to make, which passes it only to the
    # recipe's shell): stop too, as on Ctrl+C, rather than serve on with nothing to stop it.
    if run_through_make() and not end_with_parent(os.getppid(), signal.SIGTERM):
        return 128 + signal.SIGTERM
    _speak_the_editors_language(args.root.resolve())
    named = os.environ.get("STRATEGY_PREVIEW_LANGUAGES", "").replace(",", " ").split()
    unknown = [name for name in named if name not in LANGUAGES]
    if unknown:
        print(message("preview.unknown_language", named=" ".join(unknown), languages=", ".join(LANGUAGES)), file=sys.stderr)
        return 2
    languages = [language for language in LANGUAGES if language in named] or list(LANGUAGES)
    try:
        if not (args.root.resolve() / "mkdocs.yml").is_file():  # as every other command says it
            raise InvalidInput("--root", "root", str(args.root))
        host, port = host_and_port(args.dev_addr, "--dev-addr").rsplit(":", 1)
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 2
    host = host.strip("[]")  # an IPv6 address, written [::1]:8000
    built = serve(args.root.resolve(), host, int(port), languages, args.site_dir, args.build_only)
    return 0 if built else 1


def _speak_the_editors_language(root: Path) -> None:
    """What MkDocs' server and our own code log, in the editor's language, progress left out."""
    tool_messages = ToolMessages(root)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(ToolLogFormatter(tool_messages))
    handler.addFilter(ToolLogFilter(tool_messages))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


if __name__ == "__main__":
    sys.exit(main())
