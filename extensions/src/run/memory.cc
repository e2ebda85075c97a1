// benchgate::memory: replacement global operator new/delete that count
// allocations (run/memory_counters.h), and the registration of the Google
// Benchmark MemoryManager that reads them (run/memory_manager.cc). Linking
// the target is enough: the program's operator new becomes this one.
//
// Every block carries a header with the size the program asked for, so every
// delete, sized or not, subtracts exactly what its new added:
//
//   base                       base + prefix = pointer returned to the program
//   |.......... prefix ..........|.......... size bytes ..........|
//                  [BlockHeader]
//
// prefix is the block's alignment, at least the default new alignment, so the
// returned pointer keeps its alignment and the header fits right before it.
// Aligned forms allocate with aligned_alloc; all blocks go back with free().
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>

#include "run/memory_counters.h"

#if defined(__GNUC__) || defined(__clang__)
// Not inlined, even by LTO: the caller's address decides whether an
// allocation is Google Benchmark's own bookkeeping (memory_manager.cc).
#define BENCHGATE_COUNTING_OPERATOR __attribute__((noinline))
#define BENCHGATE_CALLER() __builtin_return_address(0)
#else
#define BENCHGATE_COUNTING_OPERATOR
#define BENCHGATE_CALLER() nullptr
#endif

namespace benchgate {

void RegisterCountingMemoryManager();  // memory_manager.cc

namespace {

struct BlockHeader {
  std::size_t size;   // requested bytes
  std::uint32_t tag;  // counting window (memory_counters.h), 0: not counted
};

constexpr std::size_t kDefaultAlignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
static_assert(sizeof(BlockHeader) <= kDefaultAlignment, "the header must fit in the prefix");
static_assert(alignof(std::max_align_t) >= kDefaultAlignment,
              "malloc must provide the default new alignment");

constexpr std::size_t PrefixFor(std::size_t alignment) noexcept {
  return alignment < kDefaultAlignment ? kDefaultAlignment : alignment;
}

BlockHeader* HeaderOf(std::byte* user) noexcept {
  return std::launder(reinterpret_cast<BlockHeader*>(user - sizeof(BlockHeader)));
}

void* TryAllocate(std::size_t size, std::size_t alignment, const void* caller) noexcept {
  const std::size_t prefix = PrefixFor(alignment);
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  if (prefix > kMax / 4 || size > kMax - 2 * prefix) return nullptr;
  void* base = nullptr;
  if (prefix == kDefaultAlignment) {
    base = std::malloc(prefix + size);
  } else {
    // aligned_alloc wants a multiple of the alignment (a power of two).
    const std::size_t total = (prefix + size + prefix - 1) & ~(prefix - 1);
    base = std::aligned_alloc(prefix, total);
  }
  if (base == nullptr) return nullptr;
  std::byte* user = static_cast<std::byte*>(base) + prefix;
  ::new (static_cast<void*>(user - sizeof(BlockHeader)))
      BlockHeader{size, memory_internal::RecordAllocation(size, caller)};
  return user;
}

void* Allocate(std::size_t size, std::size_t alignment, const void* caller) {
  for (;;) {
    if (void* block = TryAllocate(size, alignment, caller)) return block;
    // [new.delete.single]: retry as long as a new_handler frees memory.
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* AllocateNoThrow(std::size_t size, std::size_t alignment, const void* caller) noexcept {
  try {
    return Allocate(size, alignment, caller);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

void Deallocate(void* block, std::size_t alignment) noexcept {
  if (block == nullptr) return;
  const std::size_t prefix = PrefixFor(alignment);
  std::byte* user = static_cast<std::byte*>(block);
  const BlockHeader* header = HeaderOf(user);
  memory_internal::RecordFree(header->size, header->tag);
  std::free(user - prefix);
}

constexpr std::size_t AlignmentOf(std::align_val_t alignment) noexcept {
  return static_cast<std::size_t>(alignment);
}

// Whatever links the operators gets the MemoryManager too: it lives in the
// same object file's initializers.
[[maybe_unused]] const bool kMemoryManagerRegistered = (RegisterCountingMemoryManager(), true);

}  // namespace
}  // namespace benchgate

using benchgate::AlignmentOf;
using benchgate::kDefaultAlignment;

// The 20 replaceable global forms ([new.delete]). The sized deletes ignore
// their size argument: the header holds the same value and is what the
// matching new counted.

BENCHGATE_COUNTING_OPERATOR void* operator new(std::size_t size) {
  return benchgate::Allocate(size, kDefaultAlignment, BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new[](std::size_t size) {
  return benchgate::Allocate(size, kDefaultAlignment, BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new(std::size_t size, std::align_val_t alignment) {
  return benchgate::Allocate(size, AlignmentOf(alignment), BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new[](std::size_t size, std::align_val_t alignment) {
  return benchgate::Allocate(size, AlignmentOf(alignment), BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return benchgate::AllocateNoThrow(size, kDefaultAlignment, BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return benchgate::AllocateNoThrow(size, kDefaultAlignment, BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new(std::size_t size, std::align_val_t alignment,
                                               const std::nothrow_t&) noexcept {
  return benchgate::AllocateNoThrow(size, AlignmentOf(alignment), BENCHGATE_CALLER());
}
BENCHGATE_COUNTING_OPERATOR void* operator new[](std::size_t size, std::align_val_t alignment,
                                                 const std::nothrow_t&) noexcept {
  return benchgate::AllocateNoThrow(size, AlignmentOf(alignment), BENCHGATE_CALLER());
}

void operator delete(void* block) noexcept { benchgate::Deallocate(block, kDefaultAlignment); }
void operator delete[](void* block) noexcept { benchgate::Deallocate(block, kDefaultAlignment); }
void operator delete(void* block, std::align_val_t alignment) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
void operator delete[](void* block, std::align_val_t alignment) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
void operator delete(void* block, std::size_t) noexcept {
  benchgate::Deallocate(block, kDefaultAlignment);
}
void operator delete[](void* block, std::size_t) noexcept {
  benchgate::Deallocate(block, kDefaultAlignment);
}
void operator delete(void* block, std::size_t, std::align_val_t alignment) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
void operator delete[](void* block, std::size_t, std::align_val_t alignment) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  benchgate::Deallocate(block, kDefaultAlignment);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  benchgate::Deallocate(block, kDefaultAlignment);
}
void operator delete(void* block, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
void operator delete[](void* block, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  benchgate::Deallocate(block, AlignmentOf(alignment));
}
