"""The package list, which pyproject.toml cannot say alone: the code under app/, plus the
top-level resources/ and seeds/ folders installed inside it as app/resources and app/seeds,
so a wheel carries them (app.paths finds them there). Everything else is in pyproject.toml."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["app", "app.*"]) + ["app.resources", "app.seeds"],
    package_dir={"app.resources": "resources", "app.seeds": "seeds"},
)
