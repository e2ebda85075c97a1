// benchgate::memory: counting global operator new/delete and a Google
// Benchmark MemoryManager (issue 3). Empty until then; the target links.
namespace benchgate {}
