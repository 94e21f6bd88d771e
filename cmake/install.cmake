# What `cmake --install` puts where (GNUInstallDirs), the man page, and the Debian package that
# `make package` builds with CPack from the same layout. Included by CMakeLists.txt.
include(GNUInstallDirs)
# `cmake --install`, the generated `install` target and cpack install what is built (the Makefile's
# install and package targets build the binary and the man page first) instead of building every
# target, the test suite included.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS faultline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The README is the manual; its picture is under docs/, so the relative link still works.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES docs/runai-control-plane.svg DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY examples/ci DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples USE_SOURCE_PERMISSIONS)
# A directory `helm plugin install` accepts as it is.
install(FILES plugin/helm/plugin.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/faultline/helm-plugin)
install(PROGRAMS plugin/helm/faultline-helm.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/faultline/helm-plugin)

# faultline.1 is generated from the built binary's --help and `check --help` on every build, so it
# cannot drift from the help text; cmake/faultline.h2m adds what the help does not say. Without
# help2man the build goes on without a man page (`make deps` installs help2man).
find_program(FAULTLINE_HELP2MAN help2man)
find_program(FAULTLINE_GZIP gzip)
if(FAULTLINE_HELP2MAN AND FAULTLINE_GZIP)
  set(FAULTLINE_MAN_PAGE ${CMAKE_BINARY_DIR}/faultline.1)
  # help2man runs its program argument through the shell: the two quoted words are one command.
  add_custom_command(
    OUTPUT ${FAULTLINE_MAN_PAGE}.gz
    COMMAND ${FAULTLINE_HELP2MAN} --no-info --section=1
            "--name=find single points of failure in Kubernetes manifests"
            "--include=${CMAKE_SOURCE_DIR}/cmake/faultline.h2m" "--output=${FAULTLINE_MAN_PAGE}"
            "'${CMAKE_SOURCE_DIR}/cmake/help2man-input.sh' '$<TARGET_FILE:faultline>'"
    # Debian ships man pages compressed; -n leaves the time stamp out, so rebuilds are identical.
    COMMAND ${FAULTLINE_GZIP} -9nf ${FAULTLINE_MAN_PAGE}
    DEPENDS faultline ${CMAKE_SOURCE_DIR}/cmake/faultline.h2m ${CMAKE_SOURCE_DIR}/cmake/help2man-input.sh
    COMMENT "Generating the man page faultline.1 from the help text"
    VERBATIM)
  add_custom_target(faultline_man ALL DEPENDS ${FAULTLINE_MAN_PAGE}.gz)
  install(FILES ${FAULTLINE_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  # tests/cli/man_page_test.cpp generates the page with the same help2man (set on that file
  # alone, so that the other test files keep their flags and compiler-cache entries).
  set_source_files_properties(tests/cli/man_page_test.cpp PROPERTIES
    COMPILE_DEFINITIONS "FAULTLINE_HELP2MAN=\"${FAULTLINE_HELP2MAN}\"")
else()
  message(STATUS "help2man or gzip not found: no man page is built or installed (make deps installs help2man)")
endif()

# The .deb: `make package` (cpack -G DEB in the build directory).
set(FAULTLINE_PACKAGE_MAINTAINER "faultline maintainers <maintainers@users.noreply.r-seed-437aa54c.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME faultline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find single points of failure in Kubernetes manifests")
# The extended description, in lines dpkg shows as they are.
set(CPACK_PACKAGE_DESCRIPTION [[faultline reads helm template output, kubectl get -o yaml dumps and operator
resources such as Run:ai's RunaiConfig, optionally with the cluster's node list,
and reports offline which workloads are a single point of failure and why,
which failure domains (node, zone, rack) each workload survives under the worst
placement the scheduler's hard rules allow, and the field, Helm flag or
runaiconfig path that fixes each problem. With a man page and a Helm plugin.]])
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${FAULTLINE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# faultline_<version>-<release>_<arch>.deb, as dpkg names packages.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# Depends: computed by dpkg-shlibdeps (dpkg-dev) from the libraries the binary links: yaml-cpp,
# libfyaml, fmt, libstdc++, libgcc, libc.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "man-db")
set(CPACK_STRIP_FILES ON)
include(CPack)
