#!/usr/bin/env bash
# Builds a self-contained Linux app image of Glassbox with jpackage (JDK 17+), and a .deb where
# the machine has dpkg-deb and fakeroot. Output: target/installer/.
#   bash installer/build-app-image.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests

input=target/jpackage-input
rm -rf "$input" target/installer
mkdir -p "$input/lib" target/installer
cp target/glassbox.jar "$input/"
# Only this platform's native jars: the class path in the jar's manifest skips the missing ones.
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    *-windows-*|*-macosx-*|*-android-*|*-ios-*|*-linux-arm*|*-linux-ppc64le*|*-linux-x86.jar) ;;
    *) cp "$jar" "$input/lib/" ;;
  esac
done
# Data and models travel inside the image, beside the jar, where Glassbox looks for them.
cp -r assets sample-models "$input/"

version=$(sed -n 's/^glassbox=//p' target/classes/org/glassbox/versions.properties | sed 's/-SNAPSHOT//')
common=(--name Glassbox --app-version "$version" --input "$input" --main-jar glassbox.jar
        --main-class org.glassbox.app.Launcher --java-options "-Xmx4g"
        --description "Watch attacks on machine-learning models, and defenses, work live."
        --vendor "Glassbox" --dest target/installer
        # keep bin/java in the runtime (jpackage strips it by default): Keras files are imported in a child JVM
        --jlink-options "--strip-debug --no-man-pages --no-header-files")
jpackage --type app-image "${common[@]}"
echo "app image: target/installer/Glassbox (start it with target/installer/Glassbox/bin/Glassbox)"
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  jpackage --type deb "${common[@]}" --linux-shortcut --linux-menu-group Education
  ls target/installer/*.deb
else
  echo "no .deb: jpackage needs dpkg-deb and fakeroot (apt-get install fakeroot) for that"
fi
