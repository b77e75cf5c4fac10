__version__ = "0.1.0"
DISTRIBUTION = "journey-cr"  # the name on the package index; `journey` there is another project
HOMEPAGE = "https://pypi.org/project/journey-cr/"
