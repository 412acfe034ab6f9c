"""What pyproject.toml cannot say: templates/ and site_overrides/ ship inside the package.

They stay at the top of the repository (educators and designers find them there) and install as
`generator.templates` and `generator.site_overrides`, read through importlib.resources.
"""

from setuptools import find_namespace_packages, setup

RESOURCES = {"generator.templates": "templates", "generator.site_overrides": "site_overrides"}

setup(
    packages=find_namespace_packages(include=["generator", "generator.*"], exclude=["*.__pycache__"]) + list(RESOURCES),
    package_dir=RESOURCES,
    package_data={name: ["**/*"] for name in RESOURCES},
    exclude_package_data={name: ["**/__pycache__/*", "__pycache__/*"] for name in RESOURCES},  # bytecode of a checkout
)
