"""Third-party files the site serves itself, taken from node_modules (installed
at the versions pinned in package-lock.json by scripts/setup.sh), never from a CDN."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from course.build import project_dir

# site path -> path under node_modules
VENDORED = {
    "assets/javascripts/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",
}


def on_files(files, config):
    modules = project_dir(config) / "node_modules"
    for dest, source in VENDORED.items():
        path = modules / source
        if not path.is_file():
            raise PluginError(f"{path} is missing: the site serves it itself.\n"
                              "  How to fix: run `bash scripts/setup.sh` (it runs `npm ci` from package-lock.json).")
        files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files
