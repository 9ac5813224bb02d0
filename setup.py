"""Lets `scrapyd-deploy` build the project's egg (it runs `setup.py bdist_egg`); every piece of
metadata, package data (schemas/*.json) and the `scrapy` settings entry point come from
pyproject.toml. Without this file scrapyd-deploy would write its own, without the package data."""

from setuptools import setup

setup()
