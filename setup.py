"""The project's one compiled module, built in place by ``make install``:

    python setup.py build_ext --inplace

articles/search/_cut.c: the search index's hot loops, jieba's precise cut among them (see its header).
Nothing here is packaged or installed: the project runs from its folder.
"""
from setuptools import Extension, setup

setup(
    name="gxq-dangjian-kb",
    packages=[],
    ext_modules=[Extension("articles.search._cut", ["articles/search/_cut.c"])],
)
