#!/bin/bash
# A Boomerang parameter sweep as a SLURM job array: every array task runs one
# shard of the sweep; a last job merges the shards into the files one machine
# would have written (byte for byte).
#
#   sbatch docs/cluster/slurm-array.sh            # submit the shards
#   sbatch --dependency=afterok:<JOBID> --wrap \
#     'boomerang-cli merge results/eps --out results/eps-merged'
#
# or let this script submit the merge itself (see the end). Each task finds
# its shard from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and
# SLURM_ARRAY_TASK_MIN (--array=0-9 and --array=1-10 both work), so every task
# runs the same command line and writes results/eps/shard-I-of-N.
#
# Time limits: SLURM sends SIGTERM before it kills a task. The task then keeps
# the runs it finished in results/eps/.shard-I-of-N.parts; resubmitting the
# same array task with --resume (requeue, or `sbatch --array=7 ...`) finishes
# only what is missing.

#SBATCH --job-name=boomerang-eps
#SBATCH --array=1-10
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=logs/%x-%A_%a.out
#SBATCH --signal=TERM@60

set -euo pipefail
mkdir -p logs results

# The binary: build once with `CGO_ENABLED=0 go build -o bin/boomerang-cli
# ./cmd/boomerang-cli` and copy it to the cluster (it needs no libraries).
CLI=${CLI:-./bin/boomerang-cli}

# The scenario: a built-in name or your own file (`boomerang-cli show NAME >
# my.toml`, edit, `boomerang-cli validate my.toml`).
SCENARIO=${SCENARIO:-opinion-lab}

# --resume makes a requeued or resubmitted task continue where it stopped;
# on a first start it simply starts. --quiet keeps the log free of progress
# bars (they are off anyway when stderr is not a terminal); --json prints a
# machine-readable summary into the log.
srun "$CLI" sweep "$SCENARIO" \
  --vary influence.epsilon=0.05:0.6:0.05 \
  --vary network.kind=complete,small-world \
  --reps 50 \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --out results/eps \
  --resume --quiet --json

# Optional: the last task to finish could merge, but a separate dependent job
# is simpler and safe. Submit it from the login node:
#   jid=$(sbatch --parsable docs/cluster/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --job-name=boomerang-merge \
#     --wrap "./bin/boomerang-cli merge results/eps --out results/eps-merged --plots"
