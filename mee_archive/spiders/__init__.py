"""Scrapy spiders: each decides only what to fetch."""
