"""How every command's ``--help`` names what it takes: one convention, upper-case words.

Typer shows an argument as ``{evidence_dir}`` in the usage line and ``evidence_dir <path>``
in its list, and an option without a metavar as ``<file>`` or ``<int range>``. Each
argument and option declares its metavar (FILE, DIR, N, YYYY-MM-DD, SCORE, FORMAT,
SEVERITY), and this command class shows an argument by that word alone:
``iso20k check [OPTIONS] DIR``, ``[ID_OR_WORDS]`` when it may be left out, and a number's
range in words ("1 to 6", not "1<=x<=6"). A value that typer refuses is explained in the
same words as a configuration's ("must be at most 6, not '9'"), not pydantic's.
"""

from typing import Any

import typer
import typer.core
from typer._display import describe_number_range


class Command(typer.core.TyperCommand):
    """A command whose usage line and argument list show each argument's metavar only."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_word(param))
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as exc:
            errors = getattr(exc.__cause__, "errors", None)
            if callable(errors):
                # Only a refused value gets here: pydantic is loaded by then.
                from iso20k_cli.invalid import value_problem

                exc.message = "; ".join(value_problem(e) for e in errors())
            raise

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_name(param), _in_words(param, record[1])))
            else:
                options.append((record[0], _in_words(param, record[1])))
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


def _name(argument: Any) -> str:
    return str(argument.metavar or argument.name.upper())


def _word(argument: Any) -> str:
    return _name(argument) if argument.required else f"[{_name(argument)}]"


def _in_words(param: Any, help_text: str) -> str:
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    shown = describe_number_range(low, high)
    if shown is None:
        return help_text
    if low is None:
        words = f"at most {high}"
    elif high is None:
        words = f"at least {low}"
    else:
        words = f"{low} to {high}"
    return help_text.replace(shown, words)
