"""The replica's own bilingual material: names, places, topics and story templates.

Everything here is written for the replica (invented officials, our own sentence templates), so
that the corpus reads like MEE news without copying MEE text. The linker must never import this
package: it is judged on real pages, so it has to work from general resources instead.
"""
