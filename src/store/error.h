// The store's error: a database that cannot be opened, read or written.
#pragma once

#include <stdexcept>

namespace mekong::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mekong::store
