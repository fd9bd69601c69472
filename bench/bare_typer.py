"""The framework floor: a bare Typer app with one command, in the same venv as minusma."""

import typer

app = typer.Typer()


@app.command()
def main(json: bool = False) -> None:
    """Print a word."""
    print("{}" if json else "hello")


if __name__ == "__main__":
    app()
