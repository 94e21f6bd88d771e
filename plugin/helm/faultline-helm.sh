#!/bin/sh
# helm faultline CHART [helm template flags] [-- faultline flags]
#
# Renders CHART with `helm template` and analyzes the manifests with `faultline check -`.
# POSIX sh (no bash needed): Helm runs it as a plugin, with HELM_BIN set to the helm that called it.
# Exit status: faultline's (0 nothing at or above --fail-on, 1 findings, 2 input or usage error);
# 2 when the chart does not render or faultline cannot be found.
set -u

usage() {
  cat <<'USAGE'
Usage: helm faultline CHART [helm template flags] [-- faultline check flags]

Renders CHART with `helm template` and analyzes the output with `faultline check -`.
Everything before the first `--` goes to helm template, everything after it to faultline check.
Helm's own -n/--namespace (wherever it is written) sets the render namespace and faultline's
default namespace for objects that name none.

Examples:
  helm faultline ./chart
  helm faultline ./chart -f values-prod.yaml --set replicaCount=3 -- --nodes nodes.yaml
  helm faultline ./chart -n shop -- --format json --output faultline.json

Environment: HELM_BIN (set by Helm) is the helm to render with; FAULTLINE_BIN names a faultline
that is not on PATH. Exit status: faultline's (0, 1 findings, 2 input error); 2 when the chart
does not render.
USAGE
}

case "${1-}" in
  -h | --help) usage; exit 0 ;;
  "") usage >&2; exit 2 ;;
esac

# POSIX sh has a single argument list, so each half is kept as a string of single-quoted words
# and turned back into "$@" with eval: spaces, quotes and newlines in arguments survive.
quote() {
  rest=$1 done_part=
  while :; do
    case $rest in
      *\'*) done_part="$done_part${rest%%\'*}'\\''"; rest=${rest#*\'} ;;
      *) break ;;
    esac
  done
  quoted="'$done_part$rest' "
}
helm_args= faultline_args= after_separator=false namespace_given=false
helm_namespace= previous=
for arg do
  if [ "$after_separator" = false ] && [ "$arg" = -- ]; then
    after_separator=true
  elif [ "$after_separator" = true ]; then
    case $arg in -n | -n?* | --namespace | --namespace=*) namespace_given=true ;; esac
    quote "$arg"; faultline_args=$faultline_args$quoted
  else
    # A namespace among the helm flags is only seen when the script runs outside Helm, which
    # keeps -n/--namespace for itself.
    case $previous in -n | --namespace) helm_namespace=$arg ;; esac
    case $arg in --namespace=*) helm_namespace=${arg#--namespace=} ;; -n?*) helm_namespace=${arg#-n} ;; esac
    quote "$arg"; helm_args=$helm_args$quoted
  fi
  previous=$arg
done

helm_bin=${HELM_BIN:-helm}
faultline_bin=${FAULTLINE_BIN:-faultline}
if ! command -v "$faultline_bin" >/dev/null 2>&1; then
  echo "helm faultline: '$faultline_bin' not found; install faultline or set FAULTLINE_BIN" >&2
  exit 2
fi

# Rendered to a file first: a chart that fails to render must not be analyzed as an empty or
# partial stream and pass.
rendered=$(mktemp "${TMPDIR:-/tmp}/helm-faultline.XXXXXX") || exit 2
trap 'rm -f "$rendered"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
eval "set -- $helm_args"
"$helm_bin" template "$@" >"$rendered"
status=$?
if [ "$status" -ne 0 ]; then
  echo "helm faultline: helm template $* failed (exit $status); nothing analyzed" >&2
  exit 2
fi

eval "set -- $faultline_args"
# Helm takes -n/--namespace for itself (wherever it is written) and hands the namespace over as
# HELM_NAMESPACE, which the helm template above read too (a -n among its flags wins there, as
# here): objects that name no namespace are where `helm install` would put them. A --namespace
# among the faultline flags (when the script is run directly) wins; faultline refuses it twice.
namespace=${helm_namespace:-${HELM_NAMESPACE-}}
if [ -n "$namespace" ] && [ "$namespace_given" = false ]; then
  set -- --namespace "$namespace" "$@"
fi
# The open file outlives its name: faultline reads it as stdin and its exit status is ours.
exec <"$rendered"
rm -f "$rendered"
trap - EXIT INT TERM
exec "$faultline_bin" check "$@" -
