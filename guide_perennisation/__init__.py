"""Guide de pérennisation: the guide's data, components and post-build work.

The package is engine-free except for `adapters/`, the only modules that call
a site engine's API (mkdocs-macros today).
"""
