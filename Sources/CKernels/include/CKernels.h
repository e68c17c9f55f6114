// CKernels: the 3-D convolution micro-kernel of the Tensor module, with runtime CPU dispatch
// (AVX-512F when the CPU has it, else AVX2 + FMA). The binary runs on any AVX2 x86-64.
#ifndef WORLDGAN_CKERNELS_H
#define WORLDGAN_CKERNELS_H

#include <stdint.h>

/// Output channels per register block; packed weights are laid out in blocks of this many.
#define WG_CONV_ROW_BLOCK 8

/// Columns per register block (a multiple of every ISA's vector width): column ranges passed
/// to wg_conv_wide must start at a multiple of this and buffers must be padded to it.
#define WG_CONV_COLUMN_BLOCK 48

/// Direct convolution on a "wide" grid, as a sum of shifted products:
///   y[o * ldy + j] = sum_c sum_t w[o][c][t] * x[c * ldx + j + shifts[t]]
/// for o < outChannels and columnBegin <= j < columnEnd (multiples of WG_CONV_COLUMN_BLOCK).
/// `packed` holds the weights as [ceil(outChannels / 8)][inChannels][taps][8] (zero-padded rows).
/// Every x read (j + shifts[t] + up to 31) must be inside the caller's buffer.
void wg_conv_wide(const float *x, long ldx, long inChannels,
                  const long *shifts, long taps,
                  const float *packed, long outChannels,
                  float *y, long ldy, long columnBegin, long columnEnd);

/// Output channels per block of the weight-gradient kernel: `g` must have a multiple of this
/// many rows (zero rows past outChannels).
#define WG_WGRAD_ROW_BLOCK 3

/// Weight gradient of wg_conv_wide, for input channels cBegin <= c < cEnd:
///   dw[(o * inChannels + c) * taps + t] += sum_{j < columns} g[o * ldg + j] * x[c * ldx + j + shifts[t]]
/// `columns` must be a multiple of 16 (g zero-padded). The sum runs in fixed-size
/// column chunks in a fixed order, so results do not depend on how channels are split.
void wg_conv_weight_gradient(const float *g, long ldg, long outChannels,
                             const float *x, long ldx, long inChannels,
                             const long *shifts, long taps, long columns,
                             float *dw, long cBegin, long cEnd);

/// Makes glibc keep freed large blocks in the heap for reuse instead of unmapping them and
/// faulting fresh pages in for every tensor (1 on success, 0 where unsupported).
int wg_keep_freed_memory(void);

/// Points of the Winograd F(4,3) tile along one axis: 4 outputs need 6 inputs and 6 products.
#define WG_WINOGRAD_POINTS 6

/// Winograd F(4,3) quad transform of one row (the input transform with `taps` = 6 and the
/// matrix Bᵀ, the output-gradient transform of the weight gradient with `taps` = 4 and A):
///   u[k * ldu + i] = sum_{j < taps} matrix[k * taps + j] * x[4i + offset + j]   (k < 6, i < count)
/// where reads at or past `length` are zeros.
void wg_winograd_quads(const float *x, long length, long offset, const float *matrix, long taps,
                       float *u, long ldu, long count);

/// wg_winograd_quads writing BF16 (round to nearest even) to u[(k * ldu + i) * stride]: stride 1
/// for plain rows (wg_conv_weight_gradient_bf16), 2 for one channel's half of the pair words of
/// wg_conv_wide_bf16 (`u` at the words' first 16-bit element, +1 for the odd channel). Only when
/// wg_conv_uses_bf16().
void wg_winograd_quads_bf16(const float *x, long length, long offset, const float *matrix, long taps,
                            uint16_t *u, long ldu, long count, long stride);

/// Winograd F(4,3) output transform (y = Aᵀ M) of `count` consecutive wide columns from j0, with
/// m[0..5] the six product rows indexed by quad: out[x * outStride] = y_{(j0+x) % 4} of quad (j0+x) / 4.
void wg_winograd_output_row(const float *const *m, long j0, long count, float *out, long outStride);

/// 1 when the AVX-512 path is in use, 0 for AVX2.
int wg_conv_uses_avx512(void);

/// Restricts the kernels to AVX2 + FMA (1) or lets them pick the best the CPU has (0), so tests
/// can check the AVX2 path on AVX-512 machines. Not synchronised: set it while no kernel runs.
void wg_conv_restrict_to_avx2(int avx2Only);

/// Forces the Winograd paths of 3x3x3 convolutions: 1 (one axis) or 2 (two axes, where no row axis
/// is fixed), or 0 to let the library choose (the default). Not
/// synchronised: set it while no kernel runs.
void wg_conv_set_winograd_axes(int axes);

/// The last value given to wg_conv_set_winograd_axes (0 before any).
int wg_conv_winograd_axes(void);

/// 1 when the BF16 kernels are in use: allowed by wg_conv_allow_bf16(1), the AVX-512 path in use
/// and the CPU has AVX-512 BF16 (vdpbf16ps). 0 otherwise (FP32 everywhere; the default).
int wg_conv_uses_bf16(void);

/// Allows (1) or forbids (0, the default) the BF16 kernels. Not synchronised: set it while no kernel runs.
void wg_conv_allow_bf16(int allow);

/// The last value given to wg_conv_allow_bf16 (0 before any).
int wg_conv_bf16_allowed(void);

/// wg_conv_wide on BF16 channel pairs with FP32 accumulation (vdpbf16ps; only when
/// wg_conv_uses_bf16()): `x` holds words of two channels, pair p at x[p * ldx + i] =
/// bf16(channel 2p)[i] | bf16(channel 2p+1)[i] << 16 (wg_winograd_quads_bf16 with stride 2), and `packed` the
/// weights as [ceil(outChannels / 8)][inPairs][taps][8] words of the same pairing.
void wg_conv_wide_bf16(const uint32_t *x, long ldx, long inPairs, const long *shifts, long taps,
                       const uint32_t *packed, long outChannels, float *y, long ldy, long columnBegin, long columnEnd);

/// wg_conv_weight_gradient on BF16 rows (wg_winograd_quads_bf16) with FP32 accumulation; `columns` must
/// be a multiple of 32 (g zero-padded to it). Only when wg_conv_uses_bf16().
void wg_conv_weight_gradient_bf16(const uint16_t *g, long ldg, long outChannels, const uint16_t *x, long ldx,
                                  long inChannels, const long *shifts, long taps, long columns,
                                  float *dw, long cBegin, long cEnd);

/// out[i] = bf16(first[i]) | bf16(second[i]) << 16 for i < count (`second` NULL: zeros), the
/// channel-pair words of wg_conv_wide_bf16. Only when wg_conv_uses_bf16().
void wg_bf16_pack_pairs(const float *first, const float *second, long count, uint32_t *out);

/// Applies a transform matrix to rows (either axis of the two-axis Winograd transforms):
///   out[k * outStride + i] = sum_{j < taps} matrix[k * taps + j] * in[inOffsets[j] + i]   (k < outputs, i < count)
/// with taps <= 6. Zero coefficients are skipped; each value is the first nonzero product, then
/// fused multiply-adds in tap order, in every lane of every path (AVX-512 and AVX2 bit-identical).
void wg_winograd_combine(const float *in, const long *inOffsets, long taps, const float *matrix, long outputs,
                         float *out, long outStride, long count);

/// The 2-D Winograd transform (M d Mᵀ, M 6 × taps, taps 4 or 6) of every tile of one plane:
/// `plane` holds 4 * tilesOuter + 2 rows of 4 * (tilesInner + 1) floats (tile (ta, tb) reads rows
/// 4ta ... 4ta + taps - 1, columns 4tb ... 4tb + taps - 1; zeros past the data), `scratch` 6 *
/// (4 * tilesOuter + 2) * (tilesInner + 1) floats. Component ka * 6 + kb of tile (ta, tb) goes to
/// out[(ka * 6 + kb) * componentStride + ta * tilesInner + tb]. Along rows as wg_winograd_quads,
/// across them a product then fused multiply-adds in tap order: AVX-512 and AVX2 bit-identical.
void wg_winograd_plane(const float *plane, long tilesOuter, long tilesInner, long taps, const float *matrix,
                       float *scratch, float *out, long componentStride);

/// wg_winograd_plane writing BF16 (round to nearest even) to out[(component index) * stride]:
/// stride 1 for plain rows (wg_conv_weight_gradient_few_taps_bf16), 2 for one channel's half of the
/// pair words of wg_conv_wide_bf16. Only when wg_conv_uses_bf16().
void wg_winograd_plane_bf16(const float *plane, long tilesOuter, long tilesInner, long taps, const float *matrix,
                            float *scratch, uint16_t *out, long componentStride, long stride);

/// One plane of a volume into a zero-padded plane of `planeRows` rows of `rowLength` floats:
/// row r + offset, column b + offset holds source[r * rowStride + b * columnStride] for r < rows,
/// b < columns; every other element is zero.
void wg_fill_plane(const float *source, long rows, long columns, long rowStride, long columnStride, long offset,
                   float *plane, long rowLength, long planeRows);

/// wg_conv_weight_gradient_few_taps on BF16 rows with FP32 accumulation; `columns` a multiple of
/// 32 (g zero-padded to it). Only when wg_conv_uses_bf16().
void wg_conv_weight_gradient_few_taps_bf16(const uint16_t *g, long ldg, long outChannels, const uint16_t *x, long ldx,
                                           long inChannels, const long *shifts, long columns,
                                           float *dw, long cBegin, long cEnd);

/// Output channels per block of wg_conv_weight_gradient_few_taps: `g` must have a multiple of
/// this many rows (zero rows past outChannels).
#define WG_WGRAD_FEW_TAPS_ROW_BLOCK 8

/// wg_conv_weight_gradient for exactly three taps (the direct axis of the two-axis Winograd path):
///   dw[(o * inChannels + c) * 3 + t] += sum_{j < columns} g[o * ldg + j] * x[c * ldx + j + shifts[t]]
/// for input channels cBegin <= c < cEnd; `columns` a multiple of 16 (g zero-padded). Each entry
/// is one lane sum per fixed column chunk, added in chunk order, whatever the channel split.
void wg_conv_weight_gradient_few_taps(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                      long inChannels, const long *shifts, long columns,
                                      float *dw, long cBegin, long cEnd);

#endif
